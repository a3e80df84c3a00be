// The PWA manifest: installable, standalone, opening on the inbox.
import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/inbox",
    name: "Ringback",
    short_name: "Ringback",
    description: "Every missed call becomes a text conversation and a tracked lead.",
    start_url: "/inbox",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    theme_color: "#1d4ed8",
    background_color: "#f8fafc",
    categories: ["business", "productivity"],
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}

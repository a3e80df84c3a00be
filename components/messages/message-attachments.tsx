"use client";
// A customer's MMS media in a message (the inbox thread and the lead detail): each picture as a thumbnail that opens
// full size over the page, anything else as a labelled download. Every URL is the app's own route; a picture the
// browser cannot draw (HEIC outside Safari) falls back to its download link.
import { clsx } from "clsx";
import { useRef, useState } from "react";
import type { MessageAttachment } from "@/components/inbox/types";

const fileWords: [RegExp, string][] = [
  [/^image\//, "photo"],
  [/^video\//, "video"],
  [/^audio\//, "audio"],
  [/^text\/(x-)?vcard$/, "contact card"],
  [/^application\/pdf$/, "PDF"],
];

export function attachmentLabel(contentType: string): string {
  return fileWords.find(([pattern]) => pattern.test(contentType))?.[1] ?? "file";
}

export function MessageAttachments({
  attachments,
  align,
}: {
  attachments: MessageAttachment[];
  align: "start" | "end";
}) {
  if (attachments.length === 0) return null;
  return (
    <ul
      className={clsx("flex max-w-[85%] flex-wrap gap-2", align === "start" ? "justify-start" : "justify-end")}
      data-testid="message-attachments"
    >
      {attachments.map((attachment, index) => (
        <li key={attachment.url}>
          {attachment.isImage ? (
            <Photo attachment={attachment} number={index + 1} />
          ) : (
            <Download attachment={attachment} />
          )}
        </li>
      ))}
    </ul>
  );
}

function Download({ attachment }: { attachment: MessageAttachment }) {
  const label = attachmentLabel(attachment.contentType);
  return (
    <a
      href={attachment.url}
      download
      className="inline-flex min-h-11 items-center gap-2 rounded-xl bg-white px-3 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-200"
      data-testid="attachment-download"
    >
      <span aria-hidden="true">⤓</span>
      <span className="underline">Download {label}</span>
      <span className="text-xs font-normal text-slate-500">({attachment.contentType})</span>
    </a>
  );
}

function Photo({ attachment, number }: { attachment: MessageAttachment; number: number }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [isBroken, setIsBroken] = useState(false);
  if (isBroken) return <Download attachment={attachment} />;
  const alt = `Photo ${number} from the customer`;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="block overflow-hidden rounded-xl ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
        aria-label={`Open photo ${number} full size`}
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- a private, authenticated route: no image optimizer */}
        <img
          src={attachment.url}
          alt={alt}
          className="h-40 w-40 bg-slate-100 object-cover"
          loading="lazy"
          onError={() => setIsBroken(true)}
          data-testid="attachment-thumbnail"
        />
      </button>
      <dialog
        ref={dialog}
        aria-label={alt}
        className="m-auto max-h-none max-w-none bg-transparent p-0 backdrop:bg-black/85"
        onClick={(event) => {
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
        data-testid="attachment-viewer"
      >
        <div className="flex max-h-[100dvh] w-screen flex-col items-center gap-3 p-3">
          <div className="flex w-full max-w-3xl justify-between gap-3">
            <a
              href={attachment.url}
              target="_blank"
              rel="noreferrer"
              className="inline-flex min-h-11 items-center rounded-lg bg-white/90 px-3 text-sm font-medium text-slate-900"
            >
              Open original
            </a>
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="min-h-11 rounded-lg bg-white px-4 text-sm font-semibold text-slate-900"
              autoFocus
            >
              Close
            </button>
          </div>
          {/* eslint-disable-next-line @next/next/no-img-element -- see above */}
          <img src={attachment.url} alt={alt} className="max-h-[calc(100dvh-5rem)] max-w-full object-contain" />
        </div>
      </dialog>
    </>
  );
}

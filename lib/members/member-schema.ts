// What the team API accepts and returns. Password hashes never leave the server: responses go through memberSchema.
import { z } from "zod";
import { passwordSchema } from "@/lib/auth/password";

export const addMemberSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(320)),
    name: z.string().trim().min(1, "Enter the person's name.").max(120),
    password: passwordSchema,
    role: z.enum(["owner", "member"]).default("member"),
  })
  .strict();

export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), newPassword: passwordSchema })
  .strict();

export const memberSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["owner", "member"]),
  createdAt: z.date(),
});

export type TeamMember = z.infer<typeof memberSchema>;

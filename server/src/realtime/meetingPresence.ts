import { roomOf, type TMeetingPresence } from "@ca/shared";
import type { Socket } from "socket.io";
import type { IoServer } from "./ioServer";

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PRESENCE_INTERVAL_MS = 250;

/**
 * The meeting tracker's presence (docs/architecture.md): who is connected to a meeting and what each looks at. A socket in
 * the room `meeting:<id>` says what it looks at (`meeting:look`); the server stamps the session's user, so nobody
 * appears as someone else, and broadcasts the whole list (at most 4 a second per meeting) when it changes.
 */
export class MeetingPresence {
  /** meetingId → socket id → presence. */
  private readonly meetings = new Map<string, Map<string, TMeetingPresence>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly io: IoServer) {}

  look(
    socket: Socket,
    user: Express.User,
    p: { meetingId?: unknown; dossierId?: unknown; leafCode?: unknown; following?: unknown },
  ): void {
    if (!p || typeof p !== "object" || typeof p.meetingId !== "string") return;
    const meetingId = p.meetingId;
    // Only a socket admitted to the meeting's room (by `can()`, at join) appears in it.
    if (!socket.rooms.has(roomOf.meeting(meetingId))) return;
    const dossierId =
      typeof p.dossierId === "string" && ID.test(p.dossierId) ? p.dossierId.toLowerCase() : null;
    const leafCode =
      typeof p.leafCode === "string" && p.leafCode.length > 0 && p.leafCode.length <= 40 ? p.leafCode : null;
    const people = this.meetings.get(meetingId) ?? new Map<string, TMeetingPresence>();
    people.set(socket.id, {
      userId: user.id,
      name: user.fullName ?? user.username,
      dossierId,
      leafCode,
      following: p.following !== false,
    });
    this.meetings.set(meetingId, people);
    this.broadcast(meetingId);
  }

  /** Sends the meeting's current presence list to one socket that just joined its room. */
  greet(socket: Socket, meetingId: string): void {
    socket.emit("presence", { meetingId, people: this.list(meetingId) });
  }

  leave(socketId: string, room: string): void {
    const [kind, meetingId] = room.split(":");
    if (kind === "meeting" && this.meetings.get(meetingId)?.delete(socketId)) this.broadcast(meetingId);
  }

  disconnect(socketId: string): void {
    for (const [meetingId, people] of this.meetings) if (people.delete(socketId)) this.broadcast(meetingId);
  }

  /** The list, one entry per user (several tabs: the latest), sorted by name. */
  list(meetingId: string): TMeetingPresence[] {
    const byUser = new Map<string, TMeetingPresence>();
    for (const p of this.meetings.get(meetingId)?.values() ?? []) byUser.set(p.userId, p);
    return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, "vi"));
  }

  private broadcast(meetingId: string): void {
    if (this.timers.has(meetingId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(meetingId);
      const people = this.list(meetingId);
      if (!people.length) this.meetings.delete(meetingId);
      this.io.to(roomOf.meeting(meetingId)).emit("presence", { meetingId, people });
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    this.timers.set(meetingId, timer);
  }
}

/**
 * Counts a shared document's local edits the server has not confirmed. Edits are numbered as they are made;
 * `sent` is the last one known to be on the current socket, `confirmed` the last one the server has applied.
 * Each sync step 1 we send remembers `sent`, and its reply (the server answers in order) confirms that much.
 */
export class SyncConfirmations {
  private made = 0;
  private sent = 0;
  private confirmed = 0;
  /** What each unanswered step 1 on this socket covers, oldest first. */
  private inFlight: number[] = [];
  private lastProbe = 0;

  get unsynced(): number {
    return this.made - this.confirmed;
  }

  /** A fresh socket: the provider's own step 1 goes first and covers nothing sent on this socket yet. */
  newSocket(): void {
    this.sent = this.confirmed;
    this.inFlight = [this.confirmed];
    this.lastProbe = this.confirmed;
  }

  /** A local edit; while connected the provider has just written it to the socket. */
  localEdit(connected: boolean): void {
    this.made++;
    if (connected) this.sent = this.made;
  }

  /** The server's step 1 was answered with everything it lacked: every edit so far is on the socket. */
  offlineEditsSent(): void {
    this.sent = this.made;
  }

  needsProbe(): boolean {
    return this.sent > this.confirmed && this.sent > this.lastProbe;
  }

  probeSent(): void {
    this.inFlight.push(this.sent);
    this.lastProbe = this.sent;
  }

  /** The server's step 2: the answer to our oldest unanswered step 1. */
  replyArrived(): void {
    const covered = this.inFlight.shift();
    if (covered !== undefined && covered > this.confirmed) this.confirmed = covered;
  }
}

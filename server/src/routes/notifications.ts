import { Router } from "express";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { AppContext } from "../context";
import { notifications } from "../db/schema";
import { actorOf } from "../http/authorize";
import { notFound } from "../http/errors";
import { idParam } from "../http/validate";

/** The caller's own in-app notifications: a user only ever reads and marks their own. */
export function notificationRoutes(ctx: AppContext): Router {
  const { db } = ctx.database;
  const router = Router();

  router.get("/notifications", async (req, res) => {
    const actor = actorOf(req);
    const rows = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, actor.id))
      .orderBy(desc(notifications.createdAt))
      .limit(100);
    res.json({
      data: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        payload: n.payload as Record<string, unknown>,
        read: n.readAt !== null,
        createdAt: n.createdAt.toISOString(),
      })),
    });
  });

  router.post("/notifications/:notificationId/read", async (req, res) => {
    const actor = actorOf(req);
    const [row] = await db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.id, idParam(req.params.notificationId)),
          eq(notifications.userId, actor.id),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    if (!row) throw notFound();
    res.status(204).end();
  });

  return router;
}

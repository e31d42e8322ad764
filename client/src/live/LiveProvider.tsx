import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { LiveConnection } from "./LiveConnection";

const LiveContext = createContext<LiveConnection | null>(null);

/** The signed-in person's live connection; mounted per user, closed on sign-out. */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [connection] = useState(() => new LiveConnection());
  useEffect(() => {
    connection.start();
    return () => connection.close();
  }, [connection]);
  return <LiveContext.Provider value={connection}>{children}</LiveContext.Provider>;
}

/** The live connection of the signed-in person. */
export function useLiveConnection(): LiveConnection {
  const c = useContext(LiveContext);
  if (!c) throw new Error("useLiveConnection outside LiveProvider");
  return c;
}

import type { ReactNode } from "react";
import { Drawer } from "@mui/material";

/** The side navigation as a temporary drawer on narrow screens; loaded on the first tap of the menu button. */
export default function MobileNav({
  open,
  onClose,
  width,
  children,
}: {
  open: boolean;
  onClose: () => void;
  width: number;
  children: ReactNode;
}) {
  return (
    <Drawer
      variant="temporary"
      open={open}
      onClose={onClose}
      sx={{ display: { md: "none" }, "& .MuiDrawer-paper": { width } }}
    >
      {children}
    </Drawer>
  );
}

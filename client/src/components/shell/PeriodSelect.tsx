import { lazy, Suspense, useState } from "react";
import { Button, Stack, Typography } from "@mui/material";
import { alpha } from "@mui/material/styles";
import ArrowDropDown from "@mui/icons-material/ArrowDropDown";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router-dom";
import { usePeriods } from "../../period/PeriodProvider";
import { PeriodKindChip } from "../PeriodKindChip";

// The list opens on the first click: a MUI Select would bring its inputs, menu and modal into every first route
// (docs/targets.md P9), and this selector is on every signed-in page.
const PeriodMenu = lazy(() => import("./PeriodMenu"));

/** The period selector of the app bar; switching keeps the current page (timeline stays timeline). */
export function PeriodSelect({ periodId }: { periodId: string | null }) {
  const { t } = useTranslation();
  const { periods, defaultPeriodId, remember } = usePeriods();
  const navigate = useNavigate();
  const location = useLocation();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [opened, setOpened] = useState(false);
  if (!periods || periods.length === 0) return null;
  const value = periodId ?? defaultPeriodId ?? "";
  const current = periods.find((p) => p.id === value);

  const onChange = (id: string) => {
    setAnchor(null);
    if (id === current?.id) return;
    remember(id);
    const m = location.pathname.match(/^\/periods\/[^/]+\/(.*)$/);
    navigate(m ? `/periods/${id}/${m[1]}` : `/periods/${id}/dossiers`);
  };

  return (
    <>
      <Button
        color="inherit"
        variant="outlined"
        onClick={(e) => {
          setAnchor(e.currentTarget);
          setOpened(true);
        }}
        aria-label={t("period.select")}
        aria-haspopup="listbox"
        aria-expanded={!!anchor}
        endIcon={<ArrowDropDown />}
        data-testid="period-select"
        sx={{
          minWidth: 240,
          maxWidth: 380,
          height: 40,
          justifyContent: "space-between",
          fontWeight: 400,
          bgcolor: (th) => alpha(th.palette.common.white, 0.12),
          borderColor: (th) => alpha(th.palette.common.white, 0.3),
          "&:hover": { borderColor: (th) => alpha(th.palette.common.white, 0.6) },
        }}
      >
        {current ? (
          <Stack direction="row" spacing={1} sx={{ alignItems: "center", minWidth: 0 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
              {current.name}
            </Typography>
            <PeriodKindChip period={current} />
          </Stack>
        ) : (
          t("period.select")
        )}
      </Button>
      {opened && (
        <Suspense fallback={null}>
          <PeriodMenu
            anchor={anchor}
            periods={periods}
            value={current?.id ?? null}
            onClose={() => setAnchor(null)}
            onChange={onChange}
          />
        </Suspense>
      )}
    </>
  );
}

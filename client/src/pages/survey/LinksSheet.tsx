import { useEffect, useState } from "react";
import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from "@mui/material";
import PrintOutlined from "@mui/icons-material/PrintOutlined";
import QRCode from "qrcode";
import type { TSurveyLink } from "@ca/shared";
import { useTranslation } from "react-i18next";

/**
 * The printable sheet of freshly issued links, one card per respondent with a QR code, for paper or Zalo
 * distribution. The links exist only now: the server keeps their hashes, so this sheet is printed or lost.
 */
export function LinksSheet({
  title,
  links,
  onClose,
}: {
  title: string;
  links: TSurveyLink[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [codes, setCodes] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    Promise.all(
      links.map(
        async (l) => [l.respondentId, await QRCode.toDataURL(l.url, { margin: 1, width: 160 })] as const,
      ),
    ).then((pairs) => live && setCodes(Object.fromEntries(pairs)));
    return () => {
      live = false;
    };
  }, [links]);
  return (
    <Dialog open onClose={onClose} fullScreen>
      <DialogTitle className="no-print">{t("survey.links.sheetTitle", { n: links.length })}</DialogTitle>
      <DialogContent>
        <Typography className="no-print" color="warning.main" sx={{ mb: 2 }}>
          {t("survey.links.onlyNow")}
        </Typography>
        <Box
          data-testid="links-sheet"
          sx={{
            display: "grid",
            gridTemplateColumns: { xs: "1fr", sm: "1fr 1fr" },
            gap: 2,
            "@media print": { gridTemplateColumns: "1fr 1fr" },
          }}
        >
          {links.map((l) => (
            <Box
              key={l.respondentId}
              sx={{
                border: 1,
                borderColor: "divider",
                borderRadius: 1,
                p: 1.5,
                display: "flex",
                gap: 1.5,
                breakInside: "avoid",
              }}
            >
              {codes[l.respondentId] ? (
                <img
                  src={codes[l.respondentId]}
                  alt={t("survey.links.qrAlt", { name: l.fullName })}
                  width={120}
                  height={120}
                />
              ) : (
                <Box sx={{ width: 120, height: 120 }} />
              )}
              <Box sx={{ minWidth: 0 }}>
                <Typography variant="caption" color="text.secondary">
                  {title}
                </Typography>
                <Typography fontWeight={600}>{l.fullName}</Typography>
                <Typography variant="body2">{l.organisation}</Typography>
                <Typography
                  variant="caption"
                  sx={{ wordBreak: "break-all", display: "block", mt: 0.5 }}
                  data-testid="link-url"
                >
                  {l.url}
                </Typography>
                {l.emailed && (
                  <Typography variant="caption" color="success.main">
                    {t("survey.links.emailed")}
                  </Typography>
                )}
              </Box>
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions className="no-print">
        <Button onClick={onClose}>{t("common.close")}</Button>
        <Button variant="contained" startIcon={<PrintOutlined />} onClick={() => window.print()}>
          {t("survey.links.print")}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

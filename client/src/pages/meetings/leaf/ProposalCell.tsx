import { Box, Chip, IconButton, Stack, Tooltip, Typography } from "@mui/material";
import ClearOutlined from "@mui/icons-material/ClearOutlined";
import ErrorOutline from "@mui/icons-material/ErrorOutline";
import LockOutlined from "@mui/icons-material/LockOutlined";
import { figuresToView, type TAdjustment, type TProjectionLeaf } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../../format/dates";
import { showPoints, toCenti } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { answerText } from "../../dossier/kinds/answers";
import { useRelativeTime } from "../useRelativeTime";
import { Delta } from "./grid";

interface Props {
  leaf: TProjectionLeaf;
  adjustment: TAdjustment | undefined;
  byName: string | null;
  survey: boolean;
  locked: boolean;
  /** The agreed score in hundredths once locked. */
  agreed: number | null;
  /** Why the server refuses the proposal, or null. */
  invalid: string | null;
  canEdit: boolean;
  onWithdraw: (code: string) => void;
}

/** The live state of a leaf in the meeting: agreed and locked, the survey's, the current proposal and who made it, or none. */
export function ProposalCell({
  leaf,
  adjustment,
  byName,
  survey,
  locked,
  agreed,
  invalid,
  canEdit,
  onWithdraw,
}: Props) {
  const { t } = useTranslation();
  const lang = currentLang();
  const when = useRelativeTime(adjustment?.at);
  const adjustmentAnswer =
    adjustment && (adjustment.level || adjustment.figures)
      ? {
          level: adjustment.level ?? null,
          figures: adjustment.figures ? figuresToView(adjustment.figures) : null,
        }
      : null;
  let body;
  if (locked)
    body = (
      <Stack direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
        <Chip
          size="small"
          color="success"
          icon={<LockOutlined />}
          label={t("meeting.leaf.agreed", { score: agreed === null ? "—" : showPoints(agreed / 100, lang) })}
          data-testid={`mleaf-locked-${leaf.code}`}
        />
        {agreed !== null && leaf.official !== null && (
          <Delta
            centi={agreed - toCenti(leaf.official)}
            testId={`mleaf-delta-agreed-${leaf.code}`}
            title={t("meeting.stages.vs.live")}
          />
        )}
      </Stack>
    );
  else if (survey && !adjustment)
    body = (
      <Typography variant="body2" color="text.secondary">
        {t("meeting.leaf.survey")}
      </Typography>
    );
  else if (adjustment)
    body = (
      <Box>
        <Stack direction="row" spacing={0.75} sx={{ alignItems: "center" }}>
          <Typography
            sx={{
              fontWeight: 700,
              fontVariantNumeric: "tabular-nums",
              color: invalid ? "error.main" : "primary.main",
            }}
            data-testid={`mleaf-proposed-${leaf.code}`}
          >
            {showPoints(adjustment.score / 100, lang)}
          </Typography>
          {adjustmentAnswer && (
            <Typography
              variant="caption"
              noWrap
              title={answerText(leaf, adjustmentAnswer, lang) ?? undefined}
              data-testid={`mleaf-proposed-answer-${leaf.code}`}
            >
              {answerText(leaf, adjustmentAnswer, lang)}
            </Typography>
          )}
          {leaf.official !== null && (
            <Delta
              centi={adjustment.score - toCenti(leaf.official)}
              testId={`mleaf-delta-live-${leaf.code}`}
              title={t("meeting.stages.vs.live")}
            />
          )}
          {invalid && (
            <Tooltip title={invalid}>
              <ErrorOutline color="error" fontSize="small" data-testid={`mleaf-invalid-${leaf.code}`} />
            </Tooltip>
          )}
          {canEdit && (
            <IconButton
              size="small"
              aria-label={t("meeting.leaf.withdraw")}
              onClick={() => onWithdraw(leaf.code)}
              sx={{ p: 0.25 }}
            >
              <ClearOutlined fontSize="small" />
            </IconButton>
          )}
        </Stack>
        <Typography
          variant="caption"
          color="text.secondary"
          noWrap
          component="div"
          title={formatDateTime(adjustment.at)}
          data-testid={`mleaf-by-${leaf.code}`}
        >
          {byName ?? t("meeting.tracker.someone")}
          {when ? ` · ${when}` : ""}
        </Typography>
      </Box>
    );
  else
    body = (
      <Typography variant="body2" color="text.secondary">
        {t("meeting.leaf.noProposal")}
      </Typography>
    );
  return (
    <Box sx={{ pl: 1.5, minWidth: 0 }} data-testid={`mleaf-proposal-${leaf.code}`}>
      {body}
      {invalid && adjustment && !locked && (
        <Typography variant="caption" color="error" sx={{ display: "block" }}>
          {invalid}
        </Typography>
      )}
    </Box>
  );
}

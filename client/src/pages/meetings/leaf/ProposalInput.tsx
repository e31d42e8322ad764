import { useState } from "react";
import { IconButton, InputAdornment, TextField, Tooltip } from "@mui/material";
import SendOutlined from "@mui/icons-material/SendOutlined";
import { parsePoints, scaleProblem, type TProjectionLeaf } from "@ca/shared";
import { useTranslation } from "react-i18next";
import { showMax, toCenti } from "../../../format/points";
import { currentLang } from "../../../i18n";
import { checkAnswer, type AnswerBody } from "../../dossier/kinds/answers";

/** The range and step check of a typed proposal, the same rule the server applies (it has the last word). */
function check(text: string, leaf: TProjectionLeaf): { centi: number } | { error: string } | null {
  if (!text.trim()) return null;
  const centi = parsePoints(text);
  if (centi === null) return { error: "format" };
  const problem = scaleProblem(centi, toCenti(leaf.maxPoints), toCenti(leaf.step));
  return problem ? { error: problem } : { centi };
}

/**
 * The box a council member proposes a score in (or a level's code, or figures such as "16/20", on a leaf of that
 * kind), checked while typing; Enter or the arrow sends it to the shared document.
 */
export function ProposalInput({
  leaf,
  onPropose,
}: {
  leaf: TProjectionLeaf;
  onPropose: (code: string, centi: number, answer?: AnswerBody) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [text, setText] = useState("");
  const vars = { max: showMax(toCenti(leaf.maxPoints), lang), step: showMax(toCenti(leaf.step), lang) };
  // A kinded leaf takes a level's code or figures ("16/20"), its points derived as the server will.
  const kinded = leaf.kind !== "points" ? checkAnswer(text, leaf, t) : null;
  const result = kinded ? null : check(text, leaf);
  const error =
    kinded?.state === "invalid"
      ? kinded.message
      : result && "error" in result
        ? t(`score.errors.${result.error}`, vars)
        : null;
  const submit = () => {
    if (kinded?.state === "ok") {
      onPropose(leaf.code, kinded.centi, kinded.body);
      setText("");
    } else if (result && "centi" in result) {
      onPropose(leaf.code, result.centi);
      setText("");
    }
  };
  return (
    <TextField
      size="small"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === "Enter" && submit()}
      onClick={(e) => e.stopPropagation()}
      placeholder={t("meeting.leaf.propose")}
      error={!!error}
      helperText={error}
      fullWidth
      sx={{ "& .MuiInputBase-input": { fontSize: 14, pl: 1, pr: 0 } }}
      slotProps={{
        htmlInput: {
          inputMode: "decimal",
          autoComplete: "off",
          "data-testid": `mleaf-input-${leaf.code}`,
          "aria-label": t("meeting.leaf.proposeFor", { code: leaf.code }),
        },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={t("meeting.leaf.proposeButton")}>
                <span>
                  <IconButton
                    size="small"
                    edge="end"
                    color="primary"
                    disabled={!(kinded?.state === "ok" || (result && "centi" in result))}
                    onClick={submit}
                    aria-label={t("meeting.leaf.proposeButton")}
                    data-testid={`mleaf-propose-${leaf.code}`}
                  >
                    <SendOutlined fontSize="small" />
                  </IconButton>
                </span>
              </Tooltip>
            </InputAdornment>
          ),
        },
        formHelperText: { sx: { mx: 0.5, lineHeight: 1.25 } },
      }}
    />
  );
}

import { FormControl, FormHelperText, FormLabel, InputAdornment, Stack, TextField } from "@mui/material";
import CalendarMonthOutlined from "@mui/icons-material/CalendarMonthOutlined";
import ScheduleOutlined from "@mui/icons-material/ScheduleOutlined";
import { useTranslation } from "react-i18next";

export interface VnDateTime {
  date: string; // dd/mm/yyyy
  time: string; // HH:mm (24 h)
}

interface Props {
  label: string;
  value: VnDateTime;
  onChange: (v: VnDateTime) => void;
  required?: boolean;
  error?: boolean;
  helperText?: string;
  testId?: string;
}

/** A Vietnam-time date and time typed as dd/mm/yyyy and HH:mm, whatever the browser's locale. */
export function VnDateTimeField({ label, value, onChange, required, error, helperText, testId }: Props) {
  const { t } = useTranslation();
  return (
    <FormControl error={error} required={required} fullWidth component="fieldset">
      <FormLabel component="legend" sx={{ mb: 1, fontSize: 14 }}>
        {label}
      </FormLabel>
      <Stack direction="row" spacing={1.5}>
        <TextField
          label={t("dateField.date")}
          placeholder="dd/mm/yyyy"
          value={value.date}
          error={error}
          onChange={(e) => onChange({ ...value, date: e.target.value })}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: {
              inputMode: "numeric",
              "data-testid": testId && `${testId}-date`,
              "aria-label": `${label} — ${t("dateField.date")}`,
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <CalendarMonthOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ flex: 3 }}
        />
        <TextField
          label={t("dateField.time")}
          placeholder="HH:mm"
          value={value.time}
          error={error}
          onChange={(e) => onChange({ ...value, time: e.target.value })}
          slotProps={{
            inputLabel: { shrink: true },
            htmlInput: {
              inputMode: "numeric",
              "data-testid": testId && `${testId}-time`,
              "aria-label": `${label} — ${t("dateField.time")}`,
            },
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <ScheduleOutlined fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
          sx={{ flex: 2 }}
        />
      </Stack>
      {helperText && <FormHelperText sx={{ mx: 1.75 }}>{helperText}</FormHelperText>}
    </FormControl>
  );
}

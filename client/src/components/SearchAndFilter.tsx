import Search from "@mui/icons-material/Search";
import { InputAdornment, MenuItem, Paper, Stack, TextField, type SxProps, type Theme } from "@mui/material";
import { useTranslation } from "react-i18next";

interface Props {
  search: string;
  onSearch: (text: string) => void;
  searchPlaceholder: string;
  /** The one select beside the search ("all" first). */
  filterLabel: string;
  filter: string;
  onFilter: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

/** A search box with its magnifier; `testId` goes on the input itself. */
export function SearchField(p: {
  value: string;
  onChange: (text: string) => void;
  placeholder: string;
  testId?: string;
  sx?: SxProps<Theme>;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t("common.search")}
      placeholder={p.placeholder}
      value={p.value}
      onChange={(e) => p.onChange(e.target.value)}
      slotProps={{
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <Search fontSize="small" />
            </InputAdornment>
          ),
        },
        htmlInput: p.testId ? { "data-testid": p.testId } : undefined,
      }}
      sx={p.sx}
    />
  );
}

/** The search box and one filter above an admin list (accounts, units): one layout, stacked on a phone. */
export function SearchAndFilter(p: Props) {
  const { t } = useTranslation();
  return (
    <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
      <Stack direction={{ xs: "column", md: "row" }} spacing={2}>
        <SearchField
          value={p.search}
          onChange={p.onSearch}
          placeholder={p.searchPlaceholder}
          sx={{ flex: 2 }}
        />
        <TextField
          select
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
          label={p.filterLabel}
          value={p.filter}
          onChange={(e) => p.onFilter(e.target.value)}
          sx={{ flex: 1, minWidth: 220 }}
        >
          <MenuItem value="">{t("common.all")}</MenuItem>
          {p.options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              {o.label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
    </Paper>
  );
}

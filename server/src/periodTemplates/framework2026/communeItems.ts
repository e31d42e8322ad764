/** The 2026 sample index set for the commune-level People's Committees (written with all four scoring kinds). */
import type { TemplateItem } from "../types";
import { EXTRAS } from "./extras";
import {
  area,
  leaf,
  levels,
  rateBands,
  rateProportional,
  ON_TIME_TASKS,
  REPORTING,
  CASES_ON_TIME,
  FEEDBACK_ON_TIME,
} from "./kit";

export const COMMUNE_ITEMS: TemplateItem[] = [
  area("1", "Công tác lãnh đạo, chỉ đạo, điều hành", "Leadership and direction", 7),
  leaf("1.1", "Ban hành Kế hoạch công tác năm đúng thời hạn", "Annual work plan issued on time", 1, {
    kind: "yesno",
  }),
  leaf(
    "1.2",
    "Tỷ lệ nhiệm vụ UBND tỉnh giao được hoàn thành đúng hạn",
    "Provincial tasks completed on time",
    4,
    {
      kind: "quantity",
      rule: ON_TIME_TASKS,
    },
  ),
  leaf("1.3", "Thực hiện chế độ thông tin, báo cáo định kỳ", "Periodic reporting", 2, {
    kind: "levels",
    levels: REPORTING,
  }),
  area("2", "Kỷ luật, kỷ cương hành chính, công vụ", "Discipline in the civil service", 5),
  leaf(
    "2.1",
    "Không có cán bộ, công chức cấp xã bị xử lý kỷ luật trong năm",
    "No commune staff disciplined",
    3,
    {
      kind: "yesno",
    },
  ),
  leaf(
    "2.2",
    "Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng theo kế hoạch",
    "Staff who completed training",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100, "down"),
    },
  ),
  area("3", "Cải cách hành chính, Bộ phận Một cửa", "Administrative reform, one-stop shop", 10),
  leaf("3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Cases resolved on time", 4, {
    kind: "quantity",
    rule: CASES_ON_TIME,
  }),
  leaf("3.2", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "Cases digitised on receipt", 2, {
    kind: "quantity",
    rule: rateProportional(100),
  }),
  leaf("3.3", "Vận hành Bộ phận Một cửa", "One-stop shop operation", 2, {
    kind: "levels",
    levels: levels(
      ["Đủ điều kiện, niêm yết đầy đủ, không có phản ánh", "Fully equipped, no complaints", 2],
      ["Còn thiếu sót, đã khắc phục", "Shortcomings remedied", 1],
      ["Còn thiếu sót chưa khắc phục", "Shortcomings not remedied", 0],
    ),
  }),
  leaf("3.4", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Feedback handled on time", 2, {
    kind: "quantity",
    rule: FEEDBACK_ON_TIME,
  }),
  area("4", "Chuyển đổi số", "Digital transformation", 4),
  leaf(
    "4.1",
    "Tỷ lệ văn bản đi được ký số, gửi trên môi trường điện tử",
    "Outgoing documents signed digitally",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100),
    },
  ),
  leaf("4.2", "Cập nhật dữ liệu dân cư, đất đai đúng hạn", "Population and land data kept up to date", 2, {
    kind: "yesno",
  }),
  area("5", "Tài chính, ngân sách", "Finance and budget", 4),
  leaf("5.1", "Thu ngân sách trên địa bàn đạt dự toán", "Budget revenue against the estimate", 2, {
    kind: "quantity",
    rule: rateBands([100, 2], [90, 1]),
  }),
  leaf("5.2", "Tỷ lệ giải ngân vốn đầu tư công được giao", "Disbursement of the public investment plan", 2, {
    kind: "quantity",
    rule: rateProportional(95),
  }),
  area("6", "Kết quả thực hiện nhiệm vụ được giao trong năm", "Results of the year's tasks", 70),
  leaf("6.1", "Chỉ tiêu Nghị quyết HĐND cấp xã đạt, vượt", "Commune council resolution targets met", 25, {
    kind: "quantity",
    rule: rateProportional(100),
  }),
  leaf(
    "6.2",
    "Bảo đảm quốc phòng, an ninh, trật tự, an toàn xã hội",
    "Defence, security and public order",
    10,
    {
      kind: "levels",
      levels: levels(
        ["Giữ vững ổn định, không có điểm nóng", "Stable, no hotspot", 10],
        ["Có vụ việc phức tạp, đã được xử lý", "Complex incidents, handled", 6],
        ["Có điểm nóng kéo dài", "Prolonged hotspot", 0],
      ),
    },
  ),
  leaf("6.3", "Quản lý đất đai, trật tự xây dựng, môi trường", "Land, construction order, environment", 10),
  leaf("6.4", "Tỷ lệ khiếu nại, tố cáo được giải quyết đúng hạn", "Complaints resolved on time", 10, {
    kind: "quantity",
    rule: rateBands([100, 10], [90, 7], [80, 4]),
  }),
  leaf(
    "6.5",
    "Tiếp nhận, thực hiện nhiệm vụ chuyển giao khi tổ chức chính quyền địa phương hai cấp",
    "Tasks taken over in the two-level local government",
    15,
    {
      kind: "levels",
      levels: levels(
        ["Tiếp nhận, thực hiện đầy đủ, không gián đoạn", "Taken over fully, no interruption", 15],
        ["Thực hiện đầy đủ, có gián đoạn ngắn", "Taken over, brief interruptions", 10],
        ["Còn nhiệm vụ chưa triển khai", "Some tasks not yet taken over", 5],
        ["Chưa triển khai", "Not taken over", 0],
      ),
    },
  ),
  ...EXTRAS,
];

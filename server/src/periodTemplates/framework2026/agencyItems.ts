/** The 2026 sample index set for the provincial specialised agencies (written with all four scoring kinds). */
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

export const AGENCY_ITEMS: TemplateItem[] = [
  area("1", "Công tác lãnh đạo, chỉ đạo, điều hành", "Leadership and direction", 8),
  leaf("1.1", "Ban hành Kế hoạch công tác năm đúng thời hạn", "Annual work plan issued on time", 1, {
    kind: "yesno",
    guidance: "Ban hành trước ngày 31/01: 1 điểm; sau ngày 31/01: 0 điểm.",
  }),
  leaf(
    "1.2",
    "Tỷ lệ nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao được hoàn thành đúng hạn",
    "Share of tasks assigned by the provincial leaders completed on time",
    4,
    {
      kind: "quantity",
      rule: ON_TIME_TASKS,
      guidance:
        "Tử số: nhiệm vụ hoàn thành đúng hạn; mẫu số: nhiệm vụ đến hạn trong năm (theo Hệ thống theo dõi nhiệm vụ). " +
        "100%: 4 điểm; từ 95%: 3 điểm; từ 90%: 2 điểm; từ 80%: 1 điểm; dưới 80%: 0 điểm.",
    },
  ),
  leaf("1.3", "Thực hiện chế độ thông tin, báo cáo định kỳ", "Periodic reporting", 2, {
    kind: "levels",
    levels: REPORTING,
  }),
  leaf(
    "1.4",
    "Kiểm tra, hướng dẫn đơn vị trực thuộc và cấp xã",
    "Oversight of subordinate units and communes",
    1,
    {
      kind: "levels",
      levels: levels(
        ["Có kế hoạch, thực hiện đầy đủ, có báo cáo kết quả", "Planned, carried out, reported", 1],
        ["Có kế hoạch, thực hiện chưa đầy đủ", "Planned, partly carried out", 0.5],
        ["Không có kế hoạch", "No plan", 0],
      ),
    },
  ),
  area("2", "Kỷ luật, kỷ cương hành chính, công vụ", "Discipline in the civil service", 6),
  leaf(
    "2.1",
    "Không có cán bộ, công chức, viên chức bị xử lý kỷ luật trong năm",
    "No staff disciplined this year",
    3,
    {
      kind: "yesno",
    },
  ),
  leaf("2.2", "Thực hiện Quy chế văn hóa công sở, nội quy cơ quan", "Workplace conduct rules kept", 1, {
    kind: "levels",
    levels: levels(
      ["Thực hiện tốt, không có vi phạm", "Kept, no breach", 1],
      ["Có vi phạm, đã khắc phục", "Breaches remedied", 0.5],
      ["Có vi phạm chưa khắc phục", "Breaches not remedied", 0],
    ),
  }),
  leaf(
    "2.3",
    "Tỷ lệ cán bộ, công chức hoàn thành bồi dưỡng theo kế hoạch",
    "Share of staff who completed the training plan",
    2,
    {
      kind: "quantity",
      rule: rateProportional(100, "down"),
      guidance: "Điểm = 2 × tỷ lệ, làm tròn xuống 0,25.",
    },
  ),
  area("3", "Cải cách hành chính, phục vụ người dân, doanh nghiệp", "Administrative reform and service", 8),
  leaf("3.1", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", "Cases resolved on time", 4, {
    kind: "quantity",
    rule: CASES_ON_TIME,
    guidance: "100%: 4 điểm; từ 98%: 3 điểm; từ 95%: 2 điểm; từ 90%: 1 điểm; dưới 90%: 0 điểm.",
  }),
  leaf("3.2", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn", "Feedback handled on time", 2, {
    kind: "quantity",
    rule: FEEDBACK_ON_TIME,
  }),
  leaf(
    "3.3",
    "Công khai, cập nhật thủ tục hành chính đầy đủ, kịp thời",
    "Procedures published and kept up to date",
    1,
    {
      kind: "yesno",
    },
  ),
  leaf("3.4", "Xin lỗi người dân, doanh nghiệp khi hồ sơ trễ hạn", "Apologies for late cases", 1, {
    kind: "levels",
    levels: levels(
      ["Xin lỗi mọi hồ sơ trễ hạn, hoặc không có hồ sơ trễ hạn", "Every late case, or none late", 1],
      ["Có xin lỗi nhưng chưa đầy đủ", "Some late cases", 0.5],
      ["Không xin lỗi", "None", 0],
    ),
  }),
  area("4", "Chuyển đổi số", "Digital transformation", 5),
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
  leaf("4.2", "Tỷ lệ hồ sơ trực tuyến toàn trình", "End-to-end online cases", 2, {
    kind: "quantity",
    rule: rateBands([80, 2], [50, 1]),
  }),
  leaf("4.3", "Bảo đảm an toàn thông tin theo cấp độ", "Information security by level", 1, {
    kind: "levels",
    levels: levels(
      ["Đã phê duyệt cấp độ và triển khai đủ phương án", "Level approved, measures in place", 1],
      ["Đã phê duyệt cấp độ, triển khai chưa đủ", "Level approved, measures partly in place", 0.5],
      ["Chưa phê duyệt cấp độ", "Level not approved", 0],
    ),
  }),
  area(
    "5",
    "Quản lý tài chính công, phòng, chống tham nhũng, lãng phí",
    "Public finance, anti-corruption",
    3,
  ),
  leaf("5.1", "Tỷ lệ giải ngân vốn đầu tư công được giao", "Disbursement of the public investment plan", 2, {
    kind: "quantity",
    rule: rateProportional(95),
    guidance:
      "Điểm = 2 × tỷ lệ giải ngân ÷ 95%, tối đa 2 điểm, làm tròn 0,25 (từ nửa bước trở lên làm tròn lên).",
  }),
  leaf(
    "5.2",
    "Thực hiện kiến nghị thanh tra, kiểm toán đến hạn",
    "Inspection and audit findings acted on",
    1,
    {
      kind: "levels",
      levels: levels(
        ["Hoàn thành 100% kiến nghị đến hạn", "All findings due acted on", 1],
        ["Hoàn thành từ 80%", "At least 80%", 0.5],
        ["Dưới 80%", "Below 80%", 0],
      ),
    },
  ),
  area("6", "Kết quả thực hiện nhiệm vụ được giao trong năm", "Results of the year's tasks", 70),
  leaf(
    "6.1",
    "Chỉ tiêu kinh tế - xã hội thuộc ngành, lĩnh vực được giao",
    "Sector targets assigned for the year",
    30,
    {
      kind: "quantity",
      rule: rateProportional(100),
      guidance: "Tử số: chỉ tiêu đạt, vượt; mẫu số: chỉ tiêu được giao. Điểm = 30 × tỷ lệ, tối đa 30 điểm.",
    },
  ),
  leaf(
    "6.2",
    "Nhiệm vụ trọng tâm trong Chương trình công tác của UBND tỉnh hoàn thành đúng tiến độ",
    "Key tasks of the provincial work programme on schedule",
    20,
    { kind: "quantity", rule: rateBands([100, 20], [95, 16], [90, 12], [80, 8]) },
  ),
  leaf("6.3", "Chất lượng tham mưu văn bản, đề án", "Quality of policy advice and drafting", 12, {
    guidance: "Hội đồng đánh giá theo chất lượng, tiến độ các văn bản, đề án đã trình.",
  }),
  leaf("6.4", "Giải quyết nhiệm vụ phát sinh, đột xuất được giao", "Unplanned tasks handled", 8, {
    method: "council",
  }),
  ...EXTRAS,
];

/**
 * The worked example and the instructions of the index-set template for scoring kinds (docs/scoring-kinds.md):
 * what an official reads before filling the four kind columns.
 */

/** Example rows, one per kind, in the template's column order. */
export const TEMPLATE_EXAMPLE: (string | number)[][] = [
  ["1", "Chỉ đạo, điều hành", "Leadership and direction", "", 12, 0.25, "tự chấm", "Có"],
  ["1.1", "Kế hoạch công tác năm", "Annual work plan", "", 3, 0.25, "tự chấm", "Có"],
  [
    "1.1.1",
    "Ban hành đúng hạn",
    "Issued on time",
    "Ban hành trước 31/01: 1 điểm; chậm: 0 điểm",
    1,
    0.25,
    "tự chấm",
    "Có",
    "có/không",
  ],
  [
    "1.1.2",
    "Tỷ lệ hoàn thành kế hoạch",
    "Plan completion",
    "Hoàn thành 100%: 2 điểm; từ 80%: 1 điểm; dưới 80%: 0 điểm",
    2,
    0.25,
    "tự chấm",
    "Có",
    "số liệu",
    "",
    "tỷ lệ",
    "≥100: 2; ≥80: 1; còn lại: 0",
  ],
  [
    "1.2",
    "Báo cáo định kỳ",
    "Periodic reports",
    "",
    2,
    0.25,
    "tự chấm",
    "Có",
    "mức",
    "A | 2 | Đầy đủ, đúng hạn | Complete and on time\nB | 1 | Có báo cáo chậm | Some late\nC | 0 | Thiếu báo cáo | Missing",
  ],
  [
    "1.3",
    "Giải ngân vốn đầu tư công",
    "Disbursement",
    "Điểm = 7 × tỷ lệ ÷ 95%",
    7,
    0.25,
    "tự chấm",
    "Có",
    "số liệu",
    "",
    "tỷ lệ",
    "tỷ lệ thuận: 95; làm tròn: lên",
  ],
  // The rest of the 100 points, so the template imports as it is downloaded (its areas must add up to 100).
  ["2", "Cải cách hành chính", "Administrative reform", "", 63, 0.25, "tự chấm", "Có"],
  [
    "2.1",
    "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn",
    "Procedures resolved on time",
    "Thay bằng các tiêu chí của Bộ Chỉ số",
    63,
    0.25,
    "tự chấm",
    "Có",
  ],
  ["3", "Điều tra xã hội học", "Sociological survey", "", 25, 0.25, "XHH", "Không"],
  ["3.1", "Người dân, tổ chức đánh giá", "Rated by citizens and organisations", "", 25, 0.25, "XHH", "Không"],
  ["B", "Điểm thưởng", "Bonus points", "", 3, 0.25, "hội đồng", "Có"],
  ["B.1", "Sáng kiến, mô hình mới", "Innovation", "", 3, 0.25, "hội đồng", "Có"],
  ["P", "Điểm trừ", "Penalty points", "", 5, 0.25, "hội đồng", "Không"],
  [
    "P.1",
    "Chậm gửi hồ sơ (1 điểm/ngày, tối đa 2)",
    "Late self-assessment",
    "",
    2,
    0.25,
    "hội đồng",
    "Không",
    "số liệu",
    "",
    "giá trị",
    "tỷ lệ thuận: 2; làm tròn: xuống",
  ],
];

/** The instructions sheet's lines on the four kind columns. */
export const KIND_HELP: string[] = [
  "",
  "LOẠI CHẤM (cột I) — chỉ ghi ở tiêu chí lá (dòng không có mục con); để trống là chấm điểm:",
  "• điểm: người chấm nhập một số điểm từ 0 đến điểm tối đa, theo bước điểm.",
  "• mức: người chấm chọn một mức; cột J liệt kê các mức, mỗi mức một dòng: mã | điểm | tên | tên tiếng Anh | mô tả" +
    " (hai cột cuối có thể bỏ). Điểm của mỗi mức phải theo bước điểm và không vượt điểm tối đa.",
  "• có/không: đạt (được điểm tối đa) hoặc không đạt (0 điểm); muốn điểm khác thì ghi hai mức có mã yes và no ở cột J.",
  "• số liệu: đơn vị nhập số liệu, điểm tính theo quy tắc ở cột L. Cột K: tỷ lệ (nhập tử số và mẫu số; ngưỡng ghi bằng" +
    " phần trăm) hoặc giá trị (nhập một số; ngưỡng ghi bằng chính giá trị đó, ví dụ số ngày).",
  "Quy tắc theo ngưỡng: ≥100: 2; ≥80: 1; còn lại: 0 — đạt đúng ngưỡng là được mức của ngưỡng đó; ngưỡng cao hơn" +
    " không được ít điểm hơn.",
  "Quy tắc tỷ lệ thuận: tỷ lệ thuận: 95; làm tròn: lên — điểm = điểm tối đa × số đo ÷ 95, không quá điểm tối đa," +
    " làm tròn theo bước điểm (lên: từ nửa bước trở lên làm tròn lên; xuống: bỏ phần lẻ).",
  "Tỷ lệ được so sánh chính xác bằng phân số, không làm tròn trước khi so (95/100 ≥ 80%).",
  "",
  "SCORING KIND (column I), on leaves only; blank = points. levels: one level per line in column J," +
    " 'code | points | label | English label | description'. yesno: done = max, not done = 0 (or two levels yes/no)." +
    " quantity: column K rate or value, column L the rule ('≥100: 2; ≥80: 1; còn lại: 0' or" +
    " 'tỷ lệ thuận: 95; làm tròn: lên|xuống'); a figure exactly on a threshold is in that band.",
];

import type { IndexItemInput } from "../../db/insertIndexTree";

/**
 * The 2023 plan's two index sets, one per unit type (docs/domain.md §3): what a period from the 2023 template
 * starts with, and what the seeds load the sample 2023 and training periods with. Illustrative, not Decision
 * 1266/QĐ-UBND: the admin enters or imports the official one. Points here are decimals; `items()` turns them into
 * hundredths. The tables keep one row per line, as the spreadsheet does (hence `prettier-ignore`).
 */
// prettier-ignore
type Row = [code: string, title: string, titleEn: string, max: number, method?: "self" | "survey" | "council", guidance?: string];

const SURVEY_DELEGATES: [string, string][] = [
  ["Chủ động tham mưu", "Proactive advice"],
  ["Chất lượng văn bản", "Quality of documents"],
  ["Trả lời kiến nghị cử tri", "Answers to voters' petitions"],
  ["Phối hợp", "Coordination"],
  ["Trách nhiệm người đứng đầu", "Responsibility of the head"],
];
const SURVEY_NON_STATE: [string, string][] = [
  ["Công khai, minh bạch", "Openness and transparency"],
  ["Thời gian giải quyết", "Time to resolve"],
  ["Chi phí không chính thức", "Informal costs"],
  ["Thái độ phục vụ", "Attitude of staff"],
  ["Tiếp thu phản hồi", "Responsiveness to feedback"],
];

function surveyArea(area: string): Row[] {
  // prettier-ignore
  return [
    [area, "Điều tra xã hội học", "Sociological survey", 25, "survey"],
    [`${area}.1`, "Đại biểu HĐND tỉnh đánh giá", "Rated by provincial People's Council delegates", 10, "survey"],
    ...SURVEY_DELEGATES.map(([vi, en], i): Row => [`${area}.1.${i + 1}`, vi, en, 2, "survey"]),
    [`${area}.2`, "Tổ chức, cá nhân ngoài nhà nước đánh giá", "Rated by non-state organisations and individuals", 15, "survey"],
    ...SURVEY_NON_STATE.map(([vi, en], i): Row => [`${area}.2.${i + 1}`, vi, en, 3, "survey"]),
  ];
}

// prettier-ignore
const EXTRAS: Row[] = [
  ["B", "Điểm thưởng", "Bonus points", 3, "council"],
  ["B.1", "Sáng kiến, mô hình mới được công nhận", "Recognised innovations", 2, "council"],
  ["B.2", "Giải thưởng, danh hiệu cấp quốc gia", "National awards", 1, "council"],
  ["P", "Điểm trừ", "Penalty points", 5, "council"],
  ["P.1", "Chậm tự đánh giá (1 điểm/ngày làm việc, tối đa 2 điểm)", "Late self-assessment (1 per working day, at most 2)", 2, "council"],
  ["P.2", "Tự chấm không có minh chứng khi thẩm định", "Claims without evidence found at appraisal", 3, "council"],
  ["P.3", "Vi phạm nghiêm trọng", "Serious violations", 5, "council"],
];

// prettier-ignore
const PROVINCIAL: Row[] = [
  ["1", "Chỉ đạo, điều hành", "Leadership and direction", 12],
  ["1.1", "Kế hoạch công tác năm", "Annual work plan", 3],
  ["1.1.1", "Ban hành đúng hạn", "Issued on time", 1, "self", "Ban hành trước ngày 31/01: 1 điểm; chậm: 0 điểm."],
  ["1.1.2", "Tỷ lệ hoàn thành kế hoạch", "Plan completion", 2, "self", "Hoàn thành 100%: 2 điểm; từ 80%: 1 điểm; dưới 80%: 0 điểm."],
  ["1.2", "Báo cáo định kỳ đúng hạn, đủ nội dung", "Timely, complete periodic reports", 2],
  ["1.3", "Nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao", "Tasks assigned by provincial leaders", 5],
  ["1.3.1", "Tỷ lệ hoàn thành đúng hạn", "On-time completion rate", 4, "council", "Theo số liệu theo dõi của Văn phòng UBND tỉnh."],
  ["1.3.2", "Không có nhiệm vụ quá hạn tồn đọng", "No overdue backlog", 1],
  ["1.4", "Kiểm tra, đôn đốc đơn vị trực thuộc", "Oversight of subordinate units", 2],
  ["2", "Kết quả thực hiện nhiệm vụ chuyên môn", "Results of the agency's own mandate", 22],
  ["2.1", "Chỉ tiêu kinh tế - xã hội thuộc ngành được giao", "Sector targets met", 12],
  ["2.2", "Tham mưu văn bản quy phạm pháp luật, đề án đúng tiến độ, chất lượng", "Policy drafting on time, with quality", 6],
  ["2.3", "Theo dõi thi hành pháp luật, rà soát văn bản", "Law-enforcement monitoring, document review", 4],
  ["3", "Cải cách thủ tục hành chính, phục vụ người dân, doanh nghiệp", "Administrative procedures and service", 15],
  ["3.1", "Công bố, công khai thủ tục hành chính đúng hạn", "Procedures published on time", 2],
  ["3.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Cases resolved on time", 5],
  ["3.3", "Dịch vụ công trực tuyến toàn trình, số hóa hồ sơ", "End-to-end online services, digitised files", 4],
  ["3.4", "Xử lý phản ánh, kiến nghị đúng hạn", "Feedback handled on time", 2],
  ["3.5", "Xin lỗi người dân khi trễ hạn", "Apology for late cases", 2],
  ["4", "Tổ chức bộ máy, công vụ", "Organisation and civil service", 10],
  ["4.1", "Sắp xếp tổ chức, vị trí việc làm", "Structure and job positions", 3],
  ["4.2", "Quản lý biên chế đúng quy định", "Staffing within quota", 2],
  ["4.3", "Kỷ luật, kỷ cương hành chính", "Discipline; no staff sanctioned", 3],
  ["4.4", "Đào tạo, bồi dưỡng đạt kế hoạch", "Training plan met", 2],
  ["5", "Tài chính công, phòng chống tham nhũng, lãng phí", "Public finance, anti-corruption and waste", 7],
  ["5.1", "Giải ngân vốn đầu tư công, dự toán", "Disbursement of budget and investment", 3],
  ["5.2", "Thực hiện kết luận thanh tra, kiểm toán", "Inspection and audit conclusions carried out", 2],
  ["5.3", "Công khai tài chính, thực hành tiết kiệm", "Financial disclosure, thrift", 2],
  ["6", "Chuyển đổi số", "Digital transformation", 9],
  ["6.1", "Văn bản điện tử, chữ ký số", "E-documents, digital signatures", 3],
  ["6.2", "Cơ sở dữ liệu chuyên ngành, chia sẻ dữ liệu", "Sector databases, data sharing", 3],
  ["6.3", "An toàn thông tin", "Information security", 3],
  ...surveyArea("7"),
  ...EXTRAS,
];

// prettier-ignore
const DISTRICT: Row[] = [
  ["1", "Chỉ đạo, điều hành", "Leadership and direction", 10],
  ["1.1", "Kế hoạch năm ban hành đúng hạn, hoàn thành", "Annual plan issued on time and completed", 3],
  ["1.2", "Nhiệm vụ tỉnh giao hoàn thành đúng hạn", "Provincial tasks completed on time", 5, "council", "Theo số liệu theo dõi của Văn phòng UBND tỉnh."],
  ["1.3", "Báo cáo định kỳ", "Periodic reports", 2],
  ["2", "Phát triển kinh tế - xã hội, quốc phòng - an ninh", "Socio-economic development, defence and security", 20],
  ["2.1", "Chỉ tiêu Nghị quyết HĐND đạt, vượt", "People's Council resolution targets met", 12],
  ["2.2", "Thu ngân sách đạt dự toán", "Budget revenue on target", 4],
  ["2.3", "Giữ vững an ninh trật tự", "Security and order maintained", 4],
  ["3", "Cải cách thủ tục hành chính, một cửa", "Administrative procedures, one-stop shop", 15],
  ["3.1", "Hồ sơ giải quyết đúng hạn", "Cases resolved on time", 5],
  ["3.2", "Hồ sơ trực tuyến, số hóa", "Online cases, digitisation", 4],
  ["3.3", "Vận hành bộ phận một cửa", "One-stop shop operation", 3],
  ["3.4", "Xử lý phản ánh, kiến nghị", "Feedback handling", 3],
  ["4", "Tổ chức bộ máy, công vụ", "Organisation and civil service", 8],
  ["4.1", "Sắp xếp tổ chức, biên chế", "Structure and staffing", 3],
  ["4.2", "Kỷ luật, kỷ cương", "Discipline", 3],
  ["4.3", "Đào tạo, bồi dưỡng", "Training", 2],
  ["5", "Tài chính, đầu tư công", "Finance and public investment", 8],
  ["5.1", "Giải ngân đầu tư công", "Public investment disbursement", 4],
  ["5.2", "Kết luận thanh tra, kiểm toán", "Inspection and audit conclusions", 2],
  ["5.3", "Công khai ngân sách", "Budget disclosure", 2],
  ["6", "Chuyển đổi số", "Digital transformation", 7],
  ["6.1", "Văn bản điện tử, chữ ký số", "E-documents, digital signatures", 3],
  ["6.2", "Dữ liệu dân cư, đất đai", "Population and land data", 2],
  ["6.3", "An toàn thông tin", "Information security", 2],
  ["7", "Quản lý nhà nước trên địa bàn", "State management in the locality", 7],
  ["7.1", "Đất đai, trật tự xây dựng", "Land and construction order", 3],
  ["7.2", "Môi trường", "Environment", 2],
  ["7.3", "Giải quyết khiếu nại, tố cáo đúng hạn", "Complaints and denunciations resolved on time", 2],
  ...surveyArea("8"),
  ...EXTRAS,
];

/**
 * The leaves whose guidance states a rule take the scoring kind it describes (docs/scoring-kinds.md): issued before
 * 31/01 or not (yes/no); the plan's completion rate in bands; one penalty point per working day late.
 */
// prettier-ignore
const KINDS: Record<string, Partial<Pick<IndexItemInput, "scoringKind" | "levels" | "quantityRule">>> = {
  "1.1.1": { scoringKind: "yesno" },
  "1.1.2": {
    scoringKind: "quantity",
    quantityRule: {
      type: "bands",
      measure: "rate",
      bands: [
        { atLeast: 10000, points: 200 },
        { atLeast: 8000, points: 100 },
      ],
      otherwise: 0,
    },
  },
  "P.1": {
    scoringKind: "quantity",
    quantityRule: { type: "proportional", measure: "value", fullAt: 200, rounding: "down" },
  },
};

function items(rows: Row[]): IndexItemInput[] {
  return rows.map(([code, title, titleEn, max, method = "self", guidance = ""]) => ({
    code,
    title,
    titleEn,
    guidance,
    max: Math.round(max * 100),
    step: 25,
    method,
    evidenceRequired: method === "self",
    ...KINDS[code],
  }));
}

export const INDEX_SETS_2023 = {
  provincial_agency: { code: "bcs-tinh", name: "Bộ Chỉ số cơ quan cấp tỉnh (mẫu)", items: items(PROVINCIAL) },
  district_committee: { code: "bcs-huyen", name: "Bộ Chỉ số UBND cấp huyện (mẫu)", items: items(DISTRICT) },
} as const;

import type { Role } from "@ca/shared";

/** The shared password of every demo account (docs/api.md); they exist only with the sample data. */
export const DEMO_PASSWORD = "Demo@2023";

export interface DemoAccount {
  username: string;
  fullName: string;
  roles: Role[];
  /** Unit code, or null for province-level people. */
  unit: string | null;
  description: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "admin", fullName: "Phòng Cải cách hành chính - Sở Nội vụ", roles: ["admin"], unit: null, description: "Quản trị (Sở Nội vụ)" },
  { username: "chair", fullName: "Phó Chủ tịch UBND tỉnh (Chủ tịch Hội đồng)", roles: ["council_chair"], unit: null, description: "Chủ tịch Hội đồng thẩm định" },
  { username: "member.finance", fullName: "Lê Thị Thu Hà (Sở Tài chính)", roles: ["council_member"], unit: "stc", description: "Thành viên Hội đồng - Sở Tài chính" },
  { username: "member.home", fullName: "Trương Ngọc Tuấn (Giám đốc Sở Nội vụ)", roles: ["council_member"], unit: "snv", description: "Thành viên Hội đồng - Giám đốc Sở Nội vụ (tự rút khỏi hồ sơ Sở Nội vụ)" },
  { username: "wg", fullName: "Tổ công tác giúp việc Hội đồng", roles: ["working_group"], unit: null, description: "Tổ công tác giúp việc" },
  { username: "editor.snv", fullName: "Chuyên viên Sở Nội vụ", roles: ["agency_editor"], unit: "snv", description: "Cán bộ nhập liệu - Sở Nội vụ" },
  { username: "head.snv", fullName: "Thủ trưởng Sở Nội vụ", roles: ["agency_head"], unit: "snv", description: "Thủ trưởng - Sở Nội vụ" },
  { username: "editor.stc", fullName: "Chuyên viên Sở Tài chính", roles: ["agency_editor"], unit: "stc", description: "Cán bộ nhập liệu - Sở Tài chính" },
  { username: "head.stc", fullName: "Thủ trưởng Sở Tài chính", roles: ["agency_head"], unit: "stc", description: "Thủ trưởng - Sở Tài chính" },
  { username: "editor.tuyhoa", fullName: "Chuyên viên UBND TP Tuy Hòa", roles: ["agency_editor"], unit: "tp-tuyhoa", description: "Cán bộ nhập liệu - TP Tuy Hòa" },
  { username: "head.tuyhoa", fullName: "Chủ tịch UBND TP Tuy Hòa", roles: ["agency_head"], unit: "tp-tuyhoa", description: "Thủ trưởng - TP Tuy Hòa" },
  { username: "leader", fullName: "Lãnh đạo UBND tỉnh", roles: ["leadership"], unit: null, description: "Lãnh đạo UBND tỉnh" },
];

/** The council of a sample period: who sits on it and which areas each member appraises. */
export const SAMPLE_COUNCIL: { username: string; role: "chair" | "member" | "working_group"; areaCodes: string[] }[] = [
  { username: "chair", role: "chair", areaCodes: [] },
  // Sở Tài chính's field is public finance (area 5 in both sample index sets).
  { username: "member.finance", role: "member", areaCodes: ["5"] },
  // Sở Nội vụ is the standing member: organisation and civil service, and administrative reform.
  { username: "member.home", role: "member", areaCodes: ["3", "4"] },
  { username: "wg", role: "working_group", areaCodes: ["1", "2", "3", "4", "5", "6", "7"] },
];

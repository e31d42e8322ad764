// The province's appraised units in 2023, by unit type (server/src/periodTemplates/plan2023.ts). Codes are stable
// identifiers.
export const PROVINCIAL_AGENCIES: [code: string, name: string, shortName: string][] = [
  ["vp-ubnd", "Văn phòng UBND tỉnh", "VP UBND"],
  ["snv", "Sở Nội vụ", "SNV"],
  ["stp", "Sở Tư pháp", "STP"],
  ["skhdt", "Sở Kế hoạch và Đầu tư", "SKHĐT"],
  ["stc", "Sở Tài chính", "STC"],
  ["sct", "Sở Công Thương", "SCT"],
  ["snnptnt", "Sở Nông nghiệp và Phát triển nông thôn", "SNN&PTNT"],
  ["sgtvt", "Sở Giao thông vận tải", "SGTVT"],
  ["sxd", "Sở Xây dựng", "SXD"],
  ["stnmt", "Sở Tài nguyên và Môi trường", "STN&MT"],
  ["stttt", "Sở Thông tin và Truyền thông", "STT&TT"],
  ["sldtbxh", "Sở Lao động - Thương binh và Xã hội", "SLĐTB&XH"],
  ["svhttdl", "Sở Văn hóa, Thể thao và Du lịch", "SVHTT&DL"],
  ["skhcn", "Sở Khoa học và Công nghệ", "SKH&CN"],
  ["sgddt", "Sở Giáo dục và Đào tạo", "SGD&ĐT"],
  ["syt", "Sở Y tế", "SYT"],
  ["sngv", "Sở Ngoại vụ", "SNgV"],
  ["ttt", "Thanh tra tỉnh", "TTT"],
  ["bdt", "Ban Dân tộc", "BDT"],
  ["bqlkkt", "Ban Quản lý Khu kinh tế", "BQL KKT"],
  ["bqlnnc", "Ban Quản lý Khu Nông nghiệp ứng dụng công nghệ cao", "BQL KNNCNC"],
];

export const DISTRICT_COMMITTEES: [code: string, name: string, shortName: string][] = [
  ["tp-tuyhoa", "Thành phố Tuy Hòa", "TP Tuy Hòa"],
  ["tx-songcau", "Thị xã Sông Cầu", "TX Sông Cầu"],
  ["tx-donghoa", "Thị xã Đông Hòa", "TX Đông Hòa"],
  ["h-tuyan", "Huyện Tuy An", "H. Tuy An"],
  ["h-phuhoa", "Huyện Phú Hòa", "H. Phú Hòa"],
  ["h-tayhoa", "Huyện Tây Hòa", "H. Tây Hòa"],
  ["h-sonhoa", "Huyện Sơn Hòa", "H. Sơn Hòa"],
  ["h-songhinh", "Huyện Sông Hinh", "H. Sông Hinh"],
  ["h-dongxuan", "Huyện Đồng Xuân", "H. Đồng Xuân"],
];

// Plausible (fictional) names for the heads and deputies of the sample units.
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"];
const MIDDLE = ["Văn", "Thị", "Ngọc", "Minh", "Hữu", "Thanh", "Đức", "Quốc"];
const GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Phong", "Quang", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vinh", "Yến"];

/** A deterministic fictional full name for leader number n. */
export function leaderName(n: number): string {
  return `${FAMILY[n % FAMILY.length]} ${MIDDLE[(n * 7) % MIDDLE.length]} ${GIVEN[(n * 13) % GIVEN.length]}`;
}

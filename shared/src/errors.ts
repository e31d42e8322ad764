/** One error vocabulary for server and client (CONVENTIONS §7). */
export const ERROR_CODES = [
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "account_disabled",
  "forbidden",
  "not_found",
  "route_not_found",
  "conflict",
  "too_many_attempts",
  "bad_origin",
  "window_not_open",
  "window_closed",
  "payload_too_large",
  "unsupported_file",
  "import_failed",
  "not_ready",
  "database_unavailable",
  "storage_unavailable",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status each error code travels with. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  not_found: 404,
  // No such method and path in the API (docs/api.md), as opposed to no such record behind a valid route.
  route_not_found: 404,
  conflict: 409,
  too_many_attempts: 429,
  bad_origin: 403,
  window_not_open: 409,
  window_closed: 409,
  payload_too_large: 413,
  unsupported_file: 415,
  import_failed: 422,
  not_ready: 503,
  // The database cannot be reached (restarting, failing over, network): the server stays up; retry shortly.
  database_unavailable: 503,
  // The file store cannot be written (disk full, read-only folder): the server's condition, to wait out or fix.
  storage_unavailable: 503,
  internal: 500,
};

export type Locale = "vi" | "en";

/** Default user-facing messages; Vietnamese first (CONVENTIONS §11). */
export const ERROR_MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  validation_failed: { vi: "Dữ liệu không hợp lệ.", en: "The data is not valid." },
  unauthenticated: { vi: "Vui lòng đăng nhập.", en: "Please sign in." },
  invalid_credentials: {
    vi: "Tên đăng nhập hoặc mật khẩu không đúng.",
    en: "Wrong username or password.",
  },
  account_disabled: { vi: "Tài khoản đã bị khóa.", en: "This account is disabled." },
  forbidden: { vi: "Bạn không có quyền thực hiện thao tác này.", en: "You are not allowed to do this." },
  not_found: { vi: "Không tìm thấy dữ liệu.", en: "Not found." },
  route_not_found: { vi: "Không có đường dẫn API này.", en: "There is no such API route." },
  conflict: { vi: "Dữ liệu đã thay đổi hoặc bị trùng.", en: "The data changed or already exists." },
  too_many_attempts: {
    vi: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau.",
    en: "Too many failed sign-ins. Please try again later.",
  },
  bad_origin: { vi: "Yêu cầu từ nguồn không được phép.", en: "Request from a disallowed origin." },
  window_not_open: { vi: "Bước này chưa mở.", en: "This step is not open yet." },
  window_closed: {
    vi: "Đã hết thời hạn cho bước này.",
    en: "The window for this step is closed.",
  },
  payload_too_large: { vi: "Dữ liệu gửi lên quá lớn.", en: "The upload is too large." },
  unsupported_file: { vi: "Loại tệp không được chấp nhận.", en: "This file type is not accepted." },
  import_failed: {
    vi: "Không nhập được tệp: có lỗi ở các dòng được liệt kê.",
    en: "The file was not imported: see the listed rows.",
  },
  not_ready: {
    vi: "Hệ thống tạm thời chưa sẵn sàng, vui lòng thử lại.",
    en: "The service is temporarily unavailable, please retry.",
  },
  database_unavailable: {
    vi: "Tạm thời không kết nối được cơ sở dữ liệu; thao tác này có thể chưa được lưu. Vui lòng thử lại sau giây lát.",
    en: "The database cannot be reached for the moment; this action may not have been saved. Please retry in a few seconds.",
  },
  storage_unavailable: {
    vi: "Không lưu được tệp: kho lưu trữ của máy chủ tạm thời không ghi được; chưa có gì được ghi. Vui lòng thử lại sau hoặc báo quản trị.",
    en: "The file could not be stored: the server's file store cannot be written right now; nothing was saved. Please retry later or tell the admin.",
  },
  internal: { vi: "Đã có lỗi hệ thống.", en: "Something went wrong on the server." },
};

/** The JSON body of every error response. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

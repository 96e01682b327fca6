export { DEFAULT_FORMS_DIR, type FormDefinition, loadForms } from "./form-definition";
export { Layout, STYLESHEET_PATH } from "./form-page";
export { createFormToken, verifyFormToken } from "./form-token";
export { tokenBucket } from "./rate-limit";
export { FORM_PATH, registerWebformRoutes, type WebformOptions } from "./webform.routes";

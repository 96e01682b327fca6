export { DEFAULT_FORMS_DIR, type FormDefinition, loadForms } from "./form-definition";
export { FORM_PATH, registerWebformRoutes, type WebformOptions } from "./webform.routes";

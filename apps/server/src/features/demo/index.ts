export {
  DEMO_ADMIN_TOTP_SECRET,
  DEMO_PASSWORD,
  type DemoAccount,
  installDemo,
  listDemoAccounts,
} from "./install-demo";

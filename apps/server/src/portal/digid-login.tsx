import { oidcMessages } from "./oidc-messages";
import type { PortalLinks } from "./portal-pages";

/** The DigiD button at the top of the login page, when the municipality's installation offers it. */
export function DigidLogin(props: { links: PortalLinks; href: string }) {
  const o = oidcMessages[props.links.lang];
  return (
    <section aria-labelledby="digid-title">
      <h2 id="digid-title">{o.loginWithDigid}</h2>
      <p>{o.digidIntro}</p>
      <p>
        <a href={props.href}>{o.loginWithDigid}</a>
      </p>
      <h2>{o.orCode}</h2>
    </section>
  );
}

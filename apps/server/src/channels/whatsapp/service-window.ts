const windowMs = 24 * 60 * 60 * 1000;

/**
 * WhatsApp lets a business send free text only within 24 hours of the resident's last message;
 * outside it only approved templates.
 */
export function whatsappServiceWindowOpen(lastInboundAt: Date | null, now: Date): boolean {
  if (!lastInboundAt) return false;
  const age = now.getTime() - lastInboundAt.getTime();
  // A message "from the future" is clock skew between us and the provider: the window is open.
  return age < windowMs;
}

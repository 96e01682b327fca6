export { type ChannelSender, type OutboundMessage, SendError, type SendResult } from "./channel-sender";
export { listDeadLetters, retryDeadLetter } from "./dead-letters";
export {
  type DeliveryOptions,
  deliverPendingMessages,
  retryDelaySeconds,
  type Senders,
} from "./deliver-pending-messages";
export { startDeliveryWorker } from "./delivery-worker";
export { type DeliveryStatus, recordDeliveryStatus } from "./record-delivery-status";

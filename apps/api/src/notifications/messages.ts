import { formatFen } from '@qh/domain';
import type { NotificationPayload, NotificationTopic } from './outbox';

/** The words of each notification, in Chinese first for the buyers in Guangzhou. */
export function composeMessage(topic: NotificationTopic, payload: NotificationPayload): { subject: string; text: string } {
  const amount = payload.amountFen === undefined ? '' : ` ${formatFen(payload.amountFen)}`;
  switch (topic) {
    case 'ORDER_PAID':
      return {
        subject: `订单 ${payload.orderNumber} 已支付 / Order paid`,
        text: `您的订单 ${payload.orderNumber} 已支付${amount}，合作社将尽快发货。\nYour order ${payload.orderNumber} is paid${amount}; the cooperatives will ship it soon.`,
      };
    case 'ORDER_SHIPPED':
      return {
        subject: `订单 ${payload.orderNumber} 已发货 / Shipped`,
        text: `${payload.cooperative ?? ''} 已发出您订单 ${payload.orderNumber} 的商品：${payload.carrier ?? ''} ${payload.trackingNo ?? ''}。\nPart of your order ${payload.orderNumber} has shipped: ${payload.carrier ?? ''} ${payload.trackingNo ?? ''}.`,
      };
    case 'ORDER_REFUNDED':
      if (payload.onAccount)
        return {
          subject: `订单 ${payload.orderNumber} 已冲减 / Credited`,
          text: `订单 ${payload.orderNumber} 冲减${amount}，将列入单位的下一期对账单。\nA credit of${amount} for order ${payload.orderNumber} goes on your organisation's next statement.`,
        };
      return {
        subject: `订单 ${payload.orderNumber} 已退款 / Refunded`,
        text: `订单 ${payload.orderNumber} 的退款${amount}已完成，将原路退回。\nA refund of${amount} for order ${payload.orderNumber} is done and goes back the way you paid.`,
      };
    case 'PRODUCT_ON_SALE':
      return {
        subject: `${payload.productTitle} 可以购买了 / Now available`,
        text: `您设置了到货提醒的「${payload.productTitle}」现在可以购买了：/products/${payload.productSlug}\n${payload.productTitleEn}, which you asked to hear about, can now be bought: /products/${payload.productSlug}`,
      };
    case 'PASSWORD_RESET':
      return {
        subject: '重置密码 / Reset your password',
        text: `请在 ${payload.validMinutes} 分钟内打开这个链接设置新密码：${payload.resetPath}\n如果不是您本人申请，请忽略这封邮件。\nOpen this link within ${payload.validMinutes} minutes to set a new password: ${payload.resetPath}\nIf you did not ask for it, ignore this email.`,
      };
    case 'ORGANISATION_INVITATION':
      return {
        subject: `邀请您加入 ${payload.organisationName} / Join ${payload.organisationName}`,
        text: `${payload.organisationName} 邀请您在黔货入粤为单位采购。请在 ${payload.validDays} 天内打开这个链接加入：${payload.invitePath}\n${payload.organisationName} invites you to buy for it on the marketplace. Open this link within ${payload.validDays} days to join: ${payload.invitePath}`,
      };
    case 'ORGANISATION_REVIEWED':
      return payload.status === 'VERIFIED'
        ? {
            subject: `${payload.organisationName} 已通过审核 / Verified`,
            text: `${payload.organisationName} 已通过平台审核，现在可以为单位下单。\n${payload.organisationName} is verified and can now place orders.`,
          }
        : {
            subject: `${payload.organisationName} 未通过审核 / Not verified`,
            text: `${payload.organisationName} 未通过审核：${payload.reason}\n请修改单位信息后重新提交。\n${payload.organisationName} was not verified: ${payload.reason}\nCorrect its details and submit them again.`,
          };
    case 'ORDER_AWAITING_APPROVAL':
      return {
        subject: `订单 ${payload.orderNumber} 待审批 / Waiting for your approval`,
        text: `${payload.organisationName} 的订单 ${payload.orderNumber}${amount}（${payload.deliveryOn} 送达）等待您审批。\nOrder ${payload.orderNumber} of ${payload.organisationName}${amount}, for delivery on ${payload.deliveryOn}, waits for your approval.`,
      };
    case 'ORDER_APPROVED':
      if (payload.onAccount)
        return {
          subject: `订单 ${payload.orderNumber} 已审批通过 / Approved`,
          text: `订单 ${payload.orderNumber} 已审批通过，记入单位账期${amount}，合作社将按期送货。\nOrder ${payload.orderNumber} is approved and goes on your organisation's account${amount}; the cooperatives will deliver it.`,
        };
      return {
        subject: `订单 ${payload.orderNumber} 已审批通过 / Approved`,
        text: `订单 ${payload.orderNumber} 已审批通过，请尽快完成付款${amount}。\nOrder ${payload.orderNumber} is approved; please pay${amount} soon.`,
      };
    case 'ORDER_REJECTED':
      return {
        subject: `订单 ${payload.orderNumber} 未获批准 / Not approved`,
        text: `订单 ${payload.orderNumber} 未获批准：${payload.reason}\n库存已释放。\nOrder ${payload.orderNumber} was not approved: ${payload.reason}\nIts stock was released.`,
      };
    case 'ORDER_APPROVAL_EXPIRED':
      return {
        subject: `订单 ${payload.orderNumber} 审批超时已取消 / Cancelled`,
        text: `订单 ${payload.orderNumber} 在审批期限内无人处理，已取消，库存已释放。\nNobody decided on order ${payload.orderNumber} in time; it was cancelled and its stock released.`,
      };
    case 'STATEMENT_ISSUED':
      return {
        subject: `${payload.organisationName} 对账单 ${payload.statementNumber} / Statement`,
        text: `${payload.organisationName} 的对账单 ${payload.statementNumber} 已出具，应付${amount}，请于 ${payload.dueOn} 前转账。\nStatement ${payload.statementNumber} of ${payload.organisationName} is issued: ${amount.trim()} due by ${payload.dueOn}.`,
      };
    case 'LATE_PAYMENT_REFUNDED':
      return {
        subject: `订单 ${payload.orderNumber} 已过期，款项将退回 / Payment returned`,
        text: `订单 ${payload.orderNumber} 在付款到达前已过期，您支付的${amount}将全额退回。\nOrder ${payload.orderNumber} had expired before your payment arrived; the${amount} you paid is being refunded in full.`,
      };
    case 'LOT_RECALLED':
      return {
        subject: `召回：${payload.productTitle} 批次 ${payload.lotCode} / Recall`,
        text: `您订单 ${payload.orderNumber} 中的「${payload.productTitle}」（批次 ${payload.lotCode}）已被召回：${payload.reason}\n详情：/lot/${payload.lotCode}\nThe lot ${payload.lotCode} of your order ${payload.orderNumber} is recalled: ${payload.reason}\nDetails: /lot/${payload.lotCode}`,
      };
    case 'CLAIM_OPENED':
      return {
        subject: `订单 ${payload.orderNumber} 有新的售后申请 / New claim`,
        text: `买家就订单 ${payload.orderNumber} 申请售后${amount}，请在 24 小时内答复：/coop/claims\nA buyer opened a claim of${amount} on order ${payload.orderNumber}; answer within 24 h: /coop/claims`,
      };
    case 'CLAIM_UPDATED':
      return {
        subject: `订单 ${payload.orderNumber} 的售后：${payload.status} / Claim update`,
        text: `订单 ${payload.orderNumber} 的售后申请现为 ${payload.status}${amount}：/claims/${payload.claimId}\nThe claim on order ${payload.orderNumber} is now ${payload.status}${amount}: /claims/${payload.claimId}`,
      };
  }
}

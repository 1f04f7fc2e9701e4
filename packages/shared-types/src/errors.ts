import type { Role } from './roles';

/**
 * Stable error codes. The server answers every refusal as `{ code, message, details }`;
 * the app decides what to show by `code`, never by parsing `message`.
 */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到您要的内容',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务器开小差了，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  BODY_NOT_JSON: '提交的内容格式不对，请刷新页面后重试',
  BODY_TOO_LARGE: '提交的内容太大了，请删减后再试',
  BODY_TOO_DEEP: '提交的内容层次太多，请刷新页面后重试',
  FORM_TOO_LARGE: '上传的表单内容太多，请只选一张照片或一个文件后重试',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  IDEMPOTENCY_KEY_REUSED: '这次提交与之前的提交不一致，请刷新后重试',
  REQUEST_IN_PROGRESS: '上一次提交还在处理中，请稍后再试',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重新打开小程序再试',
  WECHAT_UNAVAILABLE: '微信服务繁忙，请稍后再试',
  DEV_LOGIN_DISABLED: '这台服务器没有开启演示登录，请用微信或登录码登录',
  SIGN_IN_CODE_INVALID: '登录码不对或已用过，请向社区工作人员要一个新的',
  SIGN_IN_CODE_EXPIRED: '登录码已过期，请向社区工作人员要一个新的',
  WECHAT_BOUND_ELSEWHERE: '这个微信已经登录过另一个账号，请直接用微信登录，或请社区工作人员帮忙',
  COMMUNITY_NAME_TAKEN: '已经有同名的社区了',
  STAFF_EXISTS: '这个手机号已经是这个社区的工作人员',
  STAFF_NOT_FOUND: '没有找到这位工作人员',
  HOUSEHOLD_NOT_FOUND: '没有找到这户人家，请核对楼栋、单元和房号',
  HOUSEHOLD_EXISTS: '这户已经登记过了',
  ALREADY_BOUND: '您已经绑定了住户',
  BINDING_PENDING: '您已提交过绑定申请，请等待社区审核',
  BINDING_CODE_INVALID: '绑定码无效或已过期，请联系社区工作人员',
  BUILDING_NOT_FOUND: '没有这个楼栋',
  BUILDING_EXISTS: '本社区已经有同名的楼栋了，请换一个名字',
  BUILDING_HAS_HOUSEHOLDS: '这栋楼还登记着住户，不能删除',
  UNIT_NOT_FOUND: '这栋楼没有这个单元，请先在楼栋里添加这个单元',
  UNIT_HAS_HOUSEHOLDS: '这个单元还登记着住户，不能去掉',
  ZONE_NOT_FOUND: '没有这个片区',
  ZONE_EXISTS: '已经有这个名字的片区了，请换一个名字',
  IMPORT_INVALID: '表格中有错误，请按提示修改后重新导入，本次没有导入任何数据',
  IMPORT_FILE_UNREADABLE: '无法读取这个文件，请上传 Excel（.xlsx）文件',
  FILE_TOO_LARGE: '文件太大，请上传 10MB 以内的文件',
  PHOTO_TOO_LARGE: '照片太大，请上传 5MB 以内的照片',
  NO_HOUSEHOLD: '请先绑定您的住户，再来订购',
  WINDOW_NOT_FOUND: '没有找到这个订购批次',
  WINDOW_NOT_OPEN: '订购还没有开始，请到时间再来',
  WINDOW_CLOSED: '本批次订购已经结束',
  WINDOW_PAUSED: '订购暂停中，请稍后再试',
  WINDOW_FULL: '本批次订单已满，订购已结束',
  WINDOW_ENDED: '这个批次已经结束，不能再修改',
  WINDOW_CHANGED: '别人刚改过这个批次，请刷新后再改',
  STOCK_BELOW_TAKEN: '库存不能少于已经订出的份数',
  CAP_BELOW_COUNTED: '订单上限不能少于已经有的订单数',
  CAP_FIXED_ONCE_OPEN: '批次开始订购后，只能调整订单上限的数字，不能新增或取消上限',
  OPENS_AT_FIXED: '批次已经开始订购，开始时间不能再改',
  BUILDING_FULL: '您所在楼栋本批次的名额已满',
  NOT_YOUR_ZONE: '本批次不供应您所在的楼栋或片区',
  ITEM_NOT_IN_WINDOW: '本批次没有这件商品',
  OUT_OF_STOCK: '已经抢光了，下次早点来',
  HOUSEHOLD_LIMIT: '您家本批次已经买到上限了',
  ORDER_NOT_FOUND: '没有找到这个订单',
  SUPPLIER_NOT_FOUND: '没有找到这个供应商',
  ITEM_NOT_FOUND: '没有找到这件商品',
  PAYMENT_NOT_CONFIGURED: '本社区还没有开通微信支付，请选择货到付款或免费发放',
  PAY_IN_WECHAT: '请在微信中打开小程序付款',
  ORDER_NOT_PAYABLE: '这个订单不需要付款，或已经超时',
  PAYMENT_UNAVAILABLE: '微信支付繁忙，请稍后再试',
  PAYMENT_NOTIFICATION_INVALID: '支付通知无效',
  PAYMENT_ANSWER_INVALID: '暂时无法确认微信支付的结果，请稍后再试',
  WINDOW_IS_FAIR_SHARE: '本批次需要先登记，截止后按抽签分配',
  WINDOW_NOT_FAIR_SHARE: '本批次先到先得，请直接下单',
  WINDOW_STILL_OPEN: '登记还没有结束，结束后才能抽签',
  ALREADY_ALLOCATED: '本批次已经抽过签了',
  NOT_ALLOCATED: '本批次还没有抽签',
  FIRST_ROUND_PAYING: '第一轮中签的住户还在付款时间内，付款截止后才能开始第二轮分配',
  SECOND_ROUND_DONE: '本批次已经做过第二轮分配了',
  NOTHING_TO_DRAW: '现在没有可以再分的物资，或没有未中签的住户，不需要第二轮分配',
  REGISTRATION_NOT_FOUND: '您家还没有登记',
  ORDER_NOT_ACTIVE: '这个订单已取消或还没确认，没有取货二维码',
  PARCEL_NOT_FOUND: '没有找到这个包裹',
  PARCEL_TAKEN: '这个包裹已经由别的志愿者负责了',
  NOT_YOUR_BUILDING: '这个楼栋不归您负责',
  NOT_A_VOLUNTEER: '这个人还不是本社区的志愿者',
  POST_NOT_FOUND: '没有找到这条招募',
  POST_CLOSED: '这条招募已经结束',
  POST_FULL: '这条招募的人数已经招满了',
  SIGNUP_NOT_FOUND: '没有找到这份报名',
  ALREADY_SIGNED_UP: '您已经报过名了，请等社区审核',
  SIGNUP_NEEDS_HOUSEHOLD: '请先绑定您家的住户，再报名做志愿者',
  SIGNUP_DECIDED: '这份报名已经审核过了',
  PHARMACY_NOT_FOUND: '没有找到这家药房',
  NO_PHARMACY: '本社区还没有登记药房，请联系社区工作人员',
  NOT_A_PHARMACIST: '您还不是药房工作人员，请向社区要药房邀请码',
  INVITE_INVALID: '药房邀请码不对或已过期，请向社区重新要一个',
  ROLE_INVITE_INVALID: '邀请码不对、已经用过或已过期，请向社区工作人员重新要一个',
  ROLE_INVITE_NOT_FOUND: '没有找到这个邀请码，或它已经用过了',
  SQUAD_REQUIRED: '请选择小组长负责哪个小组',
  SUPERVISOR_ONLY: '只有督导才能邀请或撤销督导',
  PERSON_NOT_FOUND: '本社区没有这个人',
  ROLE_NOT_HELD: '这个人在本社区没有这个身份',
  CANNOT_REVOKE_OWN_STAFF: '不能撤销您自己最后的工作人员身份，请让另一位同事操作',
  LAST_STAFF: '社区至少要留一位工作人员或督导，不能再撤销',
  MEDICINE_REQUEST_NOT_FOUND: '没有找到这条买药登记',
  PRESCRIPTION_PHOTO_REQUIRED: '处方药请拍一张处方单或药盒的照片',
  QUOTE_INCOMPLETE: '每一种药都要报价：有货、可替代或缺货',
  NOTHING_TO_ACCEPT: '请至少选择一种有货的药',
  FILE_NOT_FOUND: '没有找到这个文件，或您没有查看的权限',
  FILE_NOT_IMAGE: '请上传照片（JPG、PNG 或 WebP 格式）',
  FILE_LINK_EXPIRED: '图片链接已过期，请刷新页面',
  QR_NOT_THIS_PARCEL: '这不是这个包裹的住户二维码，请核对门牌',
  NOT_DELIVERED_YET: '送达以后才能评价',
  ALREADY_RATED: '这次配送已经评价过了',
  QR_INVALID: '这个二维码无效，请核对后再扫',
  QR_EXPIRED: '这个二维码已过期，请让居民刷新订单二维码',
  QR_WRONG_PURPOSE: '这个二维码不是用在这里的',
  COMMUNITY_NOT_CHOSEN: '请先选择您所在的社区（扫社区的海报二维码，或按名称搜索）',
  COMMUNITY_NOT_FOUND: '没有找到这个社区',
  NOTHING_TO_COLLECT: '这一单不用收款',
  PHONE_NOT_AVAILABLE: '接单以后、送达之前才能拨打住户电话',
  NOTICE_NOT_FOUND: '没有找到这条通知，它可能已经撤回了',
  NOTICE_WITHDRAWN: '这条通知已经撤回，不能再修改',
  NOTICE_EXPIRY_BEFORE_PUBLISH: '结束时间要晚于发布时间',
  NOTICE_EXPIRY_PASSED: '结束时间已经过去了，请选一个以后的时间',
  PAYMENT_CHOICE_REQUIRED: '这个批次用微信支付：请选择由志愿者上门收现金，或由您用自己的微信代付',
  MESSAGE_NOT_FOUND: '没有找到这条消息',
  PRIZE_NO_WINNERS: '还没有可以发奖的名次：比赛结果公布或有人答题后再发',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The body of every error answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** details.fields of VALIDATION_FAILED: field path → Chinese explanation. */
export interface ValidationDetails {
  fields: Record<string, string>;
}

/** details of FORBIDDEN: which roles would have been allowed. */
export interface ForbiddenDetails {
  required: Role[];
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_MESSAGES;
}

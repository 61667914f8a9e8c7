/** fanzha intelligence layer: phone numbers, links, court case numbers, legal notices, the official directory. */
export { intelChecker } from './checker.js';
export { checkPhone, phoneDetails, type PhoneCheckOptions, type PhoneDetails, type PhoneKind, type PhoneResult } from './phone.js';
export { checkUrl, urlDetails, skeleton, editDistance, type UrlCheckOptions, type UrlDetails, type UrlResult } from './url.js';
export { parseCaseNumber, type CaseNumber, type CaseNumberOptions } from './case-number.js';
export { checkNotice, type NoticeCheckOptions, type NoticeDetails, type NoticeResult } from './notice.js';
export { searchDirectory, resolveBrand, lookupDomain, lookupPhone, isSourced } from './directory.js';
export { IntelInputError, riskOf, type Finding, type IntelResult, type Risk, type Severity, type CheckOptions } from './result.js';

// Words that news uses around names: offices and titles, and honorifics. The entity layer uses them to separate a
// title from the name it precedes; extraction reads roles from them.

/** Nouns that head a role or office. */
export const ROLE_HEADS = new Set([
  'minister', 'secretary', 'president', 'chancellor', 'premier', 'envoy', 'advisor', 'adviser', 'aide', 'spokesman',
  'spokeswoman', 'spokesperson', 'ambassador', 'head', 'chief', 'commissioner', 'director', 'leader', 'king', 'queen',
  'prince', 'princess', 'governor', 'mayor', 'general', 'admiral', 'commander', 'negotiator', 'diplomat', 'senator',
  'congressman', 'congresswoman', 'lawmaker', 'representative', 'speaker', 'chairman', 'chairwoman', 'chair',
  'chairperson', 'ceo', 'founder', 'counsel', 'attorney', 'judge', 'prosecutor', 'analyst', 'economist', 'coordinator',
  'delegate', 'emissary', 'monarch', 'emir', 'sheikh', 'pope', 'ayatollah', 'inspector', 'officer', 'captain',
  'colonel', 'lieutenant', 'marshal', 'mp', 'mep', 'rapporteur', 'undersecretary', 'official', 'observer', 'mediator',
  'administrator', 'deputy', 'vice-president', 'first minister', 'taoiseach', 'professor', 'expert', 'researcher',
  'strategist', 'chancellor', 'dictator', 'regent', 'sultan', 'crown', 'consul', 'attaché', 'attache', 'editor',
]);

/** Honorifics: part of how a person is addressed, never of their name or role. */
export const HONORIFICS = new Set(['Sir', 'Dame', 'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Lord', 'Lady', 'Madam', 'Prof.', 'Professor']);

/** Common Chinese, Korean and Vietnamese family names, which come first in the name as news writes it. */
export const FAMILY_NAME_FIRST = new Set(('Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Luo Gao Zheng Liang Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Cheng Wei Su Lu Ding Shen Ren Yao Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Shin Seo Kwon Hwang Ahn Hong Moon Nguyen Tran Pham Hoang Phan Vu Vo Dang Bui Ngo Duong Hun').split(' '));

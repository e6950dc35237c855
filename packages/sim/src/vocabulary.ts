/**
 * Word lists for placeholder prose. English words are plain ASCII letters only (no digits, hyphens
 * or apostrophes) so that every paper's word counter agrees on them; Chinese words are CJK
 * ideographs in U+4E00–U+9FFF only, so each one is exactly one unit for the 字 counters.
 */
export const ENGLISH_WORDS: readonly string[] = (
  'the a of and to in that it with as for on by this from which at be are was were is has have ' +
  'many several each every most some other these those their its our your new old early late long ' +
  'short clear quiet broad deep careful steady simple common rare modern ancient local global small ' +
  'large bright gentle strong patient curious open hidden useful practical familiar distant nearby ' +
  'river mountain city village harbor garden market library school bridge road valley forest island ' +
  'coast field season morning evening winter summer spring autumn history story journey travel ' +
  'question answer reason detail example pattern idea theory method result measure record report ' +
  'people family friend teacher student writer reader traveler worker builder farmer neighbor ' +
  'community culture language music craft tradition custom festival meal kitchen recipe harvest ' +
  'climate weather energy water light stone wood paper glass metal cloth color sound voice silence ' +
  'change growth balance progress effort practice habit choice chance promise memory moment decade ' +
  'century region nation economy policy trade price value cost benefit risk plan system network ' +
  'structure process stage step path direction purpose meaning context evidence argument review ' +
  'describes explains reveals shows suggests follows supports connects shapes builds keeps brings ' +
  'carries offers opens turns holds gathers guides invites remains becomes grows moves returns ' +
  'often rarely gently slowly quickly clearly closely widely mostly nearly always sometimes still ' +
  'also again together perhaps indeed later before after during while because although within ' +
  'across between toward beyond around through under over along among without'
)
  .split(/\s+/)
  .filter(Boolean);

export const ENGLISH_TITLE_WORDS: readonly string[] = (
  'Origins Background Context Journey Landscape Tradition Change Growth Balance Practice Memory ' +
  'Community Culture Method Evidence Results Outlook Challenges Lessons Patterns Seasons Voices ' +
  'Paths Roots Horizons Foundations Perspectives Connections Details Reflections Choices Values'
)
  .split(/\s+/)
  .filter(Boolean);

export const CHINESE_WORDS: readonly string[] = (
  '我们 他们 这个 那些 城市 乡村 河流 山脉 历史 文化 社会 经济 发展 变化 时间 空间 人们 生活 ' +
  '工作 学习 研究 方法 结果 问题 答案 原因 细节 例子 过程 阶段 目标 意义 价值 影响 关系 环境 ' +
  '自然 季节 春天 夏天 秋天 冬天 早晨 傍晚 市场 学校 家庭 朋友 老师 学生 作者 读者 旅行 道路 ' +
  '桥梁 花园 森林 海岸 岛屿 传统 习俗 节日 音乐 语言 记忆 未来 过去 现在 明显 重要 复杂 简单 ' +
  '安静 明亮 温和 坚定 耐心 认真 持续 逐渐 不断 同时 因此 然而 并且 而且 虽然 但是 如果 可以 ' +
  '需要 能够 开始 继续 保持 形成 推动 支持 连接 展示 说明 描述 发现 理解 思考 观察 记录 分析 ' +
  '比较 讨论 回顾 总结 提出 带来 改变 建立 完成 参与 共同 整体 部分 方面 领域 层面 背景 基础'
)
  .split(/\s+/)
  .filter(Boolean);

/** Single ideographs used to land on an exact character count. */
export const CHINESE_FILLERS: readonly string[] = '的了在是有和也就都而及与其之中上下'.split('');

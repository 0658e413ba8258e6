// UI strings in Simplified Chinese (default) and English.
export const zh = {
  appTitle: '红岛经济区产业项目看板',
  subtitle: '“1+5”产业招商与项目推进',
  boards: '产业看板',
  loading: '加载中…',
  loadFailed: '无法加载看板列表',
  snapshot: '导出 JSON',
  language: 'English',
}

export type Dictionary = typeof zh

export const en: Dictionary = {
  appTitle: 'Hongdao Economic Zone sector boards',
  subtitle: '"1+5" industries: investment promotion and project progress',
  boards: 'Sector boards',
  loading: 'Loading…',
  loadFailed: 'Could not load the boards',
  snapshot: 'Export JSON',
  language: '中文',
}

export const dictionaries = { zh, en }
export type Locale = keyof typeof dictionaries

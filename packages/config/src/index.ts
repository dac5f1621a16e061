export { readConfig, readSetting, settingOrFail } from './read.js';
export { VARIABLES, type Config, type Variable, type VariableName } from './variables.js';
export { LOG_LEVELS, type LogLevel } from './parsers.js';
export { configTableMarkdown } from './markdown.js';

import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last2 = segs[segs.length - 1];
      if (last2 === "") {
        return segs[segs.length - 2];
      }
      return last2;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan2 = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan2;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants2 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants2;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants2.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants2.globChars(opts.windows);
      const EXTGLOB_CHARS = constants2.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants2.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan2 = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants2 = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan2(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants2;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/core/errors.ts
var ExitCode = {
  ok: 0,
  violation: 1,
  usage: 2,
  timeout: 3,
  environment: 4
};
var exitByCode = {
  BAD_INPUT: ExitCode.usage,
  BAD_NAME: ExitCode.usage,
  NOT_A_REPO: ExitCode.environment,
  BARE_REPO: ExitCode.environment,
  GIT_MISSING: ExitCode.environment,
  GIT_FAILED: ExitCode.environment,
  NO_PERMISSION: ExitCode.environment,
  CORRUPT_STATE: ExitCode.environment,
  LOCK_TIMEOUT: ExitCode.timeout,
  LOCK_COMPROMISED: ExitCode.violation,
  LOCK_HELD: ExitCode.violation,
  LOCK_NOT_HELD: ExitCode.usage,
  VIOLATION: ExitCode.violation,
  NOT_FOUND: ExitCode.usage,
  CONFLICT: ExitCode.violation,
  /** A command lockstep ran for the user (e.g. `lockstep commit --edit`) failed; nothing was done. */
  COMMAND_FAILED: ExitCode.violation,
  ENVIRONMENT: ExitCode.environment,
  REMOTE_UNREACHABLE: ExitCode.environment,
  REMOTE_REFUSED: ExitCode.environment
};
var LockstepError = class extends Error {
  code;
  /** The command (or action) that fixes it, shown under the message. */
  hint;
  /** Structured detail for `--json` output. */
  detail;
  constructor(code, message, opts = {}) {
    super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause });
    this.name = "LockstepError";
    this.code = code;
    this.hint = opts.hint;
    this.detail = opts.detail;
  }
  get exitCode() {
    return exitByCode[this.code];
  }
};
function isLockstepError(e) {
  return e instanceof LockstepError;
}
function fsError(e, what, path) {
  const code = e?.code;
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new LockstepError("NO_PERMISSION", `cannot ${what} ${path}: permission denied (${code})`, {
      hint: `check the owner and mode of ${path} (ls -ld "${path}")`,
      cause: e
    });
  }
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: no space left on device`, { cause: e });
  }
  if (code === "ENOTDIR" || code === "EISDIR") {
    return new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: a file is in the way (${code})`, { cause: e });
  }
  return new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: ${e?.message ?? String(e)}`, { cause: e });
}

// src/core/lock.ts
import { closeSync as closeSync3, existsSync as existsSync3, fstatSync as fstatSync2, mkdirSync as mkdirSync2, openSync as openSync3, readdirSync, readFileSync as readFileSync4, readSync, renameSync as renameSync3, statSync as statSync2, unlinkSync as unlinkSync3, utimesSync, watch, writeSync as writeSync3 } from "node:fs";
import { dirname as dirname2, join as join5 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/core/files.ts
import { linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync, fsyncSync } from "node:fs";
import { dirname, basename, join } from "node:path";

// src/core/names.ts
function randomHex(bytes) {
  let out = "";
  while (out.length < bytes * 2) out += Math.floor(Math.random() * 4294967296).toString(16).padStart(8, "0");
  return out.slice(0, bytes * 2);
}
function sha1Hex(text) {
  const msg = Buffer.from(text, "utf8");
  const len = msg.length;
  const buf = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  buf.set(msg);
  buf[len] = 128;
  const hi = Math.floor(len / 536870912);
  const lo = len * 8 >>> 0;
  const end = buf.length;
  buf[end - 8] = hi >>> 24;
  buf[end - 7] = hi >>> 16 & 255;
  buf[end - 6] = hi >>> 8 & 255;
  buf[end - 5] = hi & 255;
  buf[end - 4] = lo >>> 24;
  buf[end - 3] = lo >>> 16 & 255;
  buf[end - 2] = lo >>> 8 & 255;
  buf[end - 1] = lo & 255;
  let h0 = 1732584193;
  let h1 = 4023233417;
  let h2 = 2562383102;
  let h3 = 271733878;
  let h4 = 3285377520;
  const w = new Int32Array(80);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0, p = off; i < 16; i++, p += 4) w[i] = buf[p] << 24 | buf[p + 1] << 16 | buf[p + 2] << 8 | buf[p + 3];
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = x << 1 | x >>> 31;
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? b & c | ~b & d : i < 40 ? b ^ c ^ d : i < 60 ? b & c | b & d | c & d : b ^ c ^ d;
      const k = i < 20 ? 1518500249 : i < 40 ? 1859775393 : i < 60 ? 2400959708 : 3395469782;
      const t = (a << 5 | a >>> 27) + f + e + k + w[i] | 0;
      e = d;
      d = c;
      c = b << 30 | b >>> 2;
      b = a;
      a = t;
    }
    h0 = h0 + a | 0;
    h1 = h1 + b | 0;
    h2 = h2 + c | 0;
    h3 = h3 + d | 0;
    h4 = h4 + e | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("");
}

// src/core/files.ts
function ensureDir(path) {
  try {
    mkdirSync(path, { recursive: true });
  } catch (e) {
    throw fsError(e, "create directory", path);
  }
}
function tempPathFor(path) {
  return join(dirname(path), `.tmp.${basename(path)}.${process.pid}.${randomHex(4)}`);
}
function writeFileAtomic(path, data, opts = {}) {
  const tmp = tempPathFor(path);
  try {
    const fd = openSync(tmp, "wx", 420);
    try {
      writeSync(fd, data);
      if (opts.fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
    }
    throw fsError(e, "write", path);
  }
}
function openExclusive(path, data, what = "create", where = path) {
  let fd;
  try {
    fd = openSync(path, "wx+", 420);
  } catch (e) {
    if (e.code === "EEXIST") return null;
    throw fsError(e, what, where);
  }
  try {
    writeSync(fd, data);
  } catch (e) {
    closeSync(fd);
    unlinkQuiet(path);
    throw fsError(e, what, where);
  }
  return fd;
}
function readJsonFile(path, what) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return void 0;
    throw fsError(e, "read", path);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new LockstepError("CORRUPT_STATE", `${what} at ${path} is not valid JSON (${text.length} bytes)`, {
      hint: `inspect it, then remove it if it is garbage: rm "${path}"`
    });
  }
}
function unlinkQuiet(path) {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}
function writeTempIn(dir, data, what = "write a record in") {
  const path = join(dir, `.tmp.${process.pid}.${randomHex(6)}`);
  const fd = openExclusive(path, data, what, dir);
  if (fd === null) throw new LockstepError("CONFLICT", `could not ${what} ${dir}: ${path} exists already`);
  closeSync(fd);
  return path;
}
function tryLink(src, dest, missingOk = false) {
  try {
    linkSync(src, dest);
    return true;
  } catch (e) {
    const code = e.code;
    if (code === "EEXIST") return false;
    if (missingOk && code === "ENOENT") return false;
    throw fsError(e, "create", dest);
  }
}

// src/core/events.ts
import { appendFileSync, closeSync as closeSync2, fstatSync, linkSync as linkSync2, openSync as openSync2, readFileSync as readFileSync3, renameSync as renameSync2, statSync, unlinkSync as unlinkSync2, writeSync as writeSync2 } from "node:fs";
import { join as join3 } from "node:path";

// src/core/faults.ts
import { existsSync, writeFileSync } from "node:fs";
import { join as join2 } from "node:path";
function faultValue(kind) {
  const spec = process.env.LOCKSTEP_FAULT;
  if (!spec) return 0;
  for (const part of spec.split(",")) {
    const [k, v] = part.split(":");
    if (k === kind) return Number(v) || 0;
  }
  return 0;
}
function faultPauseSync(kind) {
  const ms = faultValue(kind);
  if (ms <= 0) return;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const mark = process.env.LOCKSTEP_FAULT_MARK;
  if (!mark) {
    Atomics.wait(cell, 0, 0, ms);
    return;
  }
  writeFileSync(join2(mark, kind), "");
  for (const end = Date.now() + ms; Date.now() < end && !existsSync(join2(mark, `${kind}.go`)); ) Atomics.wait(cell, 0, 0, 5);
}

// src/core/process.ts
import { execFileSync } from "node:child_process";
import { existsSync as existsSync2, readFileSync as readFileSync2 } from "node:fs";
import { hostname } from "node:os";
function readProcStat(pid) {
  let text;
  try {
    text = readFileSync2(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).split(" ");
  if (rest[0] === "Z" || rest[0] === "X") return null;
  const ppid = Number(rest[1]);
  const start = rest[19];
  if (!Number.isFinite(ppid) || start === void 0) return null;
  return { comm: text.slice(open + 1, close), ppid, start };
}
var procfsInspector = {
  kind: "procfs",
  startTime: (pid) => readProcStat(pid)?.start ?? null,
  parentPid: (pid) => readProcStat(pid)?.ppid ?? null,
  commandName: (pid) => readProcStat(pid)?.comm ?? null
};
function ps(pid, field) {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      env: { ...process.env, LC_ALL: "C" }
    }).trim();
    return out === "" ? null : out;
  } catch {
    return null;
  }
}
var psInspector = {
  kind: "ps",
  startTime: (pid) => ps(pid, "lstart"),
  parentPid: (pid) => {
    const v = ps(pid, "ppid");
    return v === null ? null : Number(v);
  },
  commandName: (pid) => {
    const v = ps(pid, "comm");
    return v === null ? null : v.split("/").pop() ?? v;
  }
};
var chosen;
var hasProcfs;
function procfsAvailable() {
  return hasProcfs ??= existsSync2("/proc/self/stat");
}
function processInspector() {
  if (chosen) return chosen;
  const forced = process.env.LOCKSTEP_PROCESS_INSPECTOR;
  if (forced === "ps") chosen = psInspector;
  else if (forced === "procfs") chosen = procfsInspector;
  else chosen = procfsAvailable() ? procfsInspector : psInspector;
  return chosen;
}
function pidExists(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var bootIdCache;
function bootId() {
  if (bootIdCache !== void 0) return bootIdCache;
  bootIdCache = null;
  try {
    bootIdCache = readFileSync2("/proc/sys/kernel/random/boot_id", "utf8").trim();
  } catch {
    try {
      const out = execFileSync("sysctl", ["-n", "kern.boottime"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
      const m = /sec = (\d+)/.exec(out);
      bootIdCache = m ? `boottime-${m[1]}` : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}
var euidCache;
function effectiveUid() {
  if (euidCache === void 0) {
    euidCache = typeof process.geteuid === "function" ? process.geteuid() : typeof process.getuid === "function" ? process.getuid() : -1;
  }
  return euidCache;
}
var ownStartStamps = /* @__PURE__ */ new Map();
function identityOf(pid, inspector = processInspector()) {
  let pidStart;
  if (pid === process.pid) {
    pidStart = ownStartStamps.get(inspector) ?? startStamp(pid, inspector);
    if (pidStart !== null) ownStartStamps.set(inspector, pidStart);
  } else {
    pidStart = startStamp(pid, inspector);
  }
  return { pid, pidStart, bootId: bootId(), host: hostId(), uid: effectiveUid() };
}
function startStamp(pid, inspector = processInspector()) {
  const raw = inspector.startTime(pid);
  return raw === null ? null : `${inspector.kind}:${raw}`;
}
function inspectorFor(stamp, fallback) {
  if (stamp.startsWith("procfs:")) return procfsAvailable() ? procfsInspector : fallback;
  if (stamp.startsWith("ps:")) return psInspector;
  return fallback;
}
var hostCache;
function hostId() {
  if (hostCache === void 0 || process.env.LOCKSTEP_HOST_ID) {
    hostCache = process.env.LOCKSTEP_HOST_ID || hostname();
  }
  return hostCache;
}
function liveness(owner, inspector = processInspector()) {
  if (owner.host !== hostId()) return { state: "remote", reason: `owner runs on host ${owner.host}` };
  const boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return { state: "dead", reason: "written before this machine last booted" };
  if (!pidExists(owner.pid)) return { state: "dead", reason: `pid ${owner.pid} is not running` };
  if (owner.pidStart !== null) {
    const now = startStamp(owner.pid, inspectorFor(owner.pidStart, inspector));
    if (now === null) return { state: "dead", reason: `pid ${owner.pid} is not running` };
    if (now !== owner.pidStart) return { state: "dead", reason: `pid ${owner.pid} was reused by another process` };
  }
  return { state: "alive" };
}

// src/core/events.ts
var ROTATE_BYTES = 16 * 1024 * 1024;
function eventsPath(root) {
  return join3(root, "events.jsonl");
}
var openLogs = /* @__PURE__ */ new Map();
var MAX_OPEN_LOGS = 8;
function closeLog(path) {
  const log = openLogs.get(path);
  if (!log) return;
  openLogs.delete(path);
  try {
    closeSync2(log.fd);
  } catch {
  }
}
function openLog(path) {
  const fd = openSync2(path, "a", 420);
  try {
    const st = fstatSync(fd, { bigint: true });
    const log = { fd, dev: st.dev, ino: st.ino };
    if (openLogs.size >= MAX_OPEN_LOGS) closeLog(openLogs.keys().next().value);
    openLogs.set(path, log);
    return log;
  } catch (e) {
    closeSync2(fd);
    throw e;
  }
}
function logFor(path) {
  const st = statSync(path, { bigint: true, throwIfNoEntry: false });
  let log = openLogs.get(path);
  if (log && (!st || st.dev !== log.dev || st.ino !== log.ino)) {
    closeLog(path);
    log = void 0;
  }
  if (st && st.size > ROTATE_BYTES) {
    rotate(path, st.ino);
    closeLog(path);
    log = void 0;
  }
  return log ?? openLog(path);
}
function rotate(path, ino) {
  faultPauseSync("pause-before-rotate");
  if (faultValue("rotate-blind")) {
    try {
      renameSync2(path, `${path}.1`);
    } catch {
    }
    return;
  }
  const aside = `${path}.rotating.${process.pid}.${randomHex(4)}`;
  try {
    renameSync2(path, aside);
  } catch {
    return;
  }
  try {
    if (statSync(aside, { bigint: true }).ino === ino) {
      renameSync2(aside, `${path}.1`);
      return;
    }
    try {
      linkSync2(aside, path);
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      appendFileSync(path, readFileSync3(aside));
    }
    unlinkSync2(aside);
  } catch {
  }
}
function appendEvent(root, type, fields = {}) {
  const path = eventsPath(root);
  const line = JSON.stringify({ ts: (/* @__PURE__ */ new Date()).toISOString(), type, pid: process.pid, host: hostId(), ...fields }) + "\n";
  try {
    writeSync2(logFor(path).fd, line);
  } catch {
    closeLog(path);
  }
}
function readEvents(root, filter) {
  let text;
  try {
    text = readFileSync3(eventsPath(root), "utf8");
  } catch {
    return [];
  }
  const out = [];
  for (const line of text.split("\n")) {
    if (!line) continue;
    try {
      const e = JSON.parse(line);
      if (!filter || filter(e)) out.push(e);
    } catch {
    }
  }
  return out;
}

// src/core/runtime.ts
import { join as join4 } from "node:path";

// src/git/git.ts
import { execFile, spawnSync } from "node:child_process";
var MAX_BUFFER = 256 * 1024 * 1024;
function envFor(opts) {
  const env = { ...process.env, ...opts?.env ?? {} };
  if (opts?.readOnly) env.GIT_OPTIONAL_LOCKS = "0";
  env.GIT_TERMINAL_PROMPT = "0";
  return env;
}
function missingGit(e) {
  if (e?.code === "ENOENT") {
    return new LockstepError("GIT_MISSING", "git was not found on PATH", { hint: "install git (https://git-scm.com) and try again" });
  }
  return null;
}
function failure(args, r) {
  const msg = r.stderr.trim() || r.stdout.trim() || `exit ${r.code}`;
  return new LockstepError("GIT_FAILED", `git ${args.join(" ")} failed: ${msg}`, { detail: { args, code: r.code, stderr: r.stderr } });
}
function createGit(cwd) {
  const git = {
    cwd,
    run(args, opts) {
      return new Promise((resolve11, reject) => {
        const timeout = opts?.timeoutMs && opts.timeoutMs > 0 ? Math.ceil(opts.timeoutMs) : 0;
        const child = execFile("git", args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: "utf8", timeout, killSignal: "SIGKILL" }, (err, stdout, stderr) => {
          if (err && typeof err.code === "string") {
            reject(missingGit(err) ?? err);
            return;
          }
          const code = err ? err.code ?? 1 : 0;
          const timedOut = Boolean(err && timeout && err.killed);
          resolve11({ code: typeof code === "number" ? code : 1, stdout, stderr, ...timedOut ? { timedOut } : {} });
        });
        if (opts?.input !== void 0) child.stdin?.end(opts.input);
        else child.stdin?.end();
      });
    },
    runSync(args, opts) {
      const r = spawnSync("git", args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: "utf8", input: opts?.input });
      if (r.error) throw missingGit(r.error) ?? r.error;
      return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    async exec(args, opts) {
      const r = await git.run(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    execSync(args, opts) {
      const r = git.runSync(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    repoPaths() {
      const r = git.runSync(["rev-parse", "--path-format=absolute", "--git-common-dir", "--git-dir", "--is-bare-repository"], { readOnly: true });
      if (r.code !== 0) {
        throw new LockstepError("NOT_A_REPO", `${cwd} is not inside a git repository`, {
          hint: "run lockstep from a git checkout, or create one with `git init`",
          detail: { stderr: r.stderr.trim() }
        });
      }
      const [commonDir, gitDir, bareFlag] = r.stdout.split("\n");
      const bare = bareFlag === "true";
      let topLevel = null;
      if (!bare) {
        const t = git.runSync(["rev-parse", "--show-toplevel"], { readOnly: true });
        topLevel = t.code === 0 ? t.stdout.trim() || null : null;
      }
      return { commonDir, gitDir, topLevel, bare };
    }
  };
  return git;
}

// src/core/runtime.ts
var cache = /* @__PURE__ */ new Map();
function openRuntime(opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const key = `${cwd}\0${opts.allowBare ? 1 : 0}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const repo = createGit(cwd).repoPaths();
  if (repo.bare && !opts.allowBare) {
    throw new LockstepError("BARE_REPO", `${repo.commonDir} is a bare repository: lockstep coordinates work in checkouts`, {
      hint: "run lockstep in a clone or worktree of it (git clone, git worktree add)"
    });
  }
  const root = join4(repo.commonDir, "lockstep");
  ensureDir(root);
  const rt = { root, repo };
  cache.set(key, rt);
  return rt;
}
var LOCK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
function validateLockName(name) {
  if (typeof name !== "string" || !LOCK_NAME.test(name)) {
    throw new LockstepError("BAD_NAME", `invalid lock name ${JSON.stringify(name)}: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit`);
  }
  return name;
}

// src/core/lock.ts
var DEFAULT_LOCK = "commit";
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_LEASE_MS = 12e4;
var TOKEN_ENV = "LOCKSTEP_LOCK_TOKEN";
var SCHEMA = 1;
var RECHECK_MS = 25;
var REQUEUE_WITHIN_MS = 1e3;
var MAX_LOCK_DATA_BYTES = 4096;
var SERVED_RESULT = /^[A-Za-z0-9_-]{1,64}$/;
var SERVED_LINE = /\n([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{1,64})$/;
function lockDir(rt, name) {
  return join5(rt.root, "locks", name);
}
var knownLockDirs = /* @__PURE__ */ new Set();
function tempDirOf(dir) {
  return join5(dirname2(dir), ".tmp");
}
function ensureLockDir(dir) {
  try {
    mkdirSync2(dir, { recursive: true });
    mkdirSync2(tempDirOf(dir), { recursive: true });
  } catch (e) {
    throw fsError(e, "create lock directory", dir);
  }
  if (knownLockDirs.size >= 1024) knownLockDirs.clear();
  knownLockDirs.add(dir);
}
function ownerFields(name, opts, leaseMs) {
  const ownerPid = opts.ownerPid ?? process.pid;
  const ident = identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid) {
    throw new LockstepError("BAD_INPUT", `owner pid ${ownerPid} is not a running process`);
  }
  return {
    v: SCHEMA,
    lock: name,
    state: "held",
    pid: ownerPid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    host: ident.host,
    uid: ident.uid,
    task: opts.task ?? null,
    agent: opts.agent ?? null,
    cwd: opts.cwd ?? process.cwd(),
    command: opts.command ?? process.argv.slice(1).join(" ").slice(0, 500),
    leaseMs
  };
}
function writeLockTemp(dir, data) {
  const tmpDir = tempDirOf(dir);
  if (!knownLockDirs.has(dir)) ensureLockDir(dir);
  try {
    return writeTempIn(tmpDir, data);
  } catch {
    knownLockDirs.delete(dir);
    ensureLockDir(dir);
    return writeTempIn(tmpDir, data);
  }
}
function checkLockData(data) {
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new LockstepError("BAD_INPUT", "lock release data must be a JSON object");
  }
  const size = JSON.stringify(data).length;
  if (size > MAX_LOCK_DATA_BYTES) throw new LockstepError("BAD_INPUT", `lock release data is ${size} bytes of JSON; at most ${MAX_LOCK_DATA_BYTES} are kept`);
  return data;
}
function releasedData(rec) {
  if (rec.state !== "released") return null;
  const d = rec.data;
  return typeof d === "object" && d !== null && !Array.isArray(d) ? d : null;
}
function readView(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT") return { top: 0, generations: 0, tickets: [], entries: [] };
    throw fsError(e, "read lock directory", dir);
  }
  let top = 0;
  let generations = 0;
  const tickets = [];
  for (const e of entries) {
    const c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(e);
      generations++;
      if (Number.isSafeInteger(n) && n > top) top = n;
    } else if (e.startsWith("w.")) {
      const n = Number(e.slice(2));
      if (Number.isSafeInteger(n)) tickets.push(n);
    }
  }
  tickets.sort((a, b) => a - b);
  return { top, generations, tickets, entries };
}
var recordBuf = Buffer.allocUnsafe(16 * 1024);
function readRecordOnce(path) {
  const fd = openSync3(path, "r");
  try {
    const n = readSync(fd, recordBuf, 0, recordBuf.length, 0);
    return recordBuf.toString("utf8", 0, n);
  } finally {
    closeSync3(fd);
  }
}
function parseRecord(text) {
  try {
    return { rec: JSON.parse(text) };
  } catch {
    const served = SERVED_LINE.exec(text);
    if (!served) return null;
    return parseRecord(text.slice(0, served.index));
  }
}
function servedResult(fd) {
  let n = readSync(fd, recordBuf, 0, recordBuf.length, 0);
  let buf = recordBuf;
  if (n === recordBuf.length) {
    buf = Buffer.allocUnsafe(fstatSync2(fd).size);
    n = readSync(fd, buf, 0, buf.length, 0);
  }
  const m = SERVED_LINE.exec(buf.toString("utf8", 0, n));
  if (!m) return null;
  const token = Number(m[1]);
  return Number.isSafeInteger(token) ? { token, result: m[2] } : null;
}
function readGeneration(dir, n) {
  const path = join5(dir, String(n));
  let text;
  let parsed;
  try {
    text = readRecordOnce(path);
    parsed = parseRecord(text);
    if (!parsed) {
      text = readFileSync4(path, "utf8");
      parsed = parseRecord(text);
    }
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw fsError(e, "read lock record", path);
  }
  if (!parsed) return { corrupt: text.length === 0 ? "empty record" : `not JSON: ${JSON.stringify(text.slice(0, 40))}` };
  const rec = parsed.rec;
  if (rec && (rec.state === "held" || rec.state === "released" || rec.state === "broken")) return rec;
  return { corrupt: `unexpected record ${text.slice(0, 80)}` };
}
function isCorrupt(r) {
  return typeof r === "object" && r !== null && "corrupt" in r;
}
function ownerLiveness(rec, now = Date.now()) {
  const main = liveness(rec);
  if (main.state === "remote") {
    const expires = rec.renewedAtMs + rec.leaseMs;
    return now > expires ? { state: "dead", reason: `lease of host ${rec.host} ran out ${Math.round((now - expires) / 1e3)} s ago` } : main;
  }
  if (main.state === "alive") return main;
  for (const extra of rec.extraOwners ?? []) {
    if (liveness({ ...extra, bootId: rec.bootId, host: rec.host }).state === "alive") return { state: "alive" };
  }
  return main;
}
function describeHolder(rec) {
  if (!rec) return "nobody";
  const who = [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, rec.host !== hostId() ? `host ${rec.host}` : null].filter(Boolean).join(", ");
  return who;
}
function parseTokenEnv(env) {
  const out = /* @__PURE__ */ new Map();
  const raw = env[TOKEN_ENV];
  if (!raw) return out;
  for (const part of raw.split(",")) {
    const i = part.lastIndexOf(":");
    if (i <= 0) continue;
    const n = Number(part.slice(i + 1));
    if (Number.isSafeInteger(n) && n > 0) out.set(part.slice(0, i), n);
  }
  return out;
}
function tokenEnvFor(handle, env = process.env) {
  const m = parseTokenEnv(env);
  m.set(handle.name, handle.token);
  return [...m].map(([k, v]) => `${k}:${v}`).join(",");
}
function compact(dir, view, mine) {
  const old = [];
  for (const e of view.entries) {
    const c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      const n = Number(e);
      if (n < mine - 2) old.push(n);
    } else if (e.startsWith(".tmp.") && mine % 8 === 0) {
      removeIfDead(dir, e);
    }
  }
  old.sort((a, b) => a - b);
  for (const n of old) unlinkQuiet(join5(dir, String(n)));
  if (mine % 32 === 0) {
    const tmpDir = tempDirOf(dir);
    let temps = [];
    try {
      temps = readdirSync(tmpDir);
    } catch {
    }
    for (const e of temps) if (e.startsWith(".tmp.")) removeIfDead(tmpDir, e);
  }
}
function removeIfDead(dir, name) {
  const pid = Number(name.split(".")[2]);
  if (pid !== process.pid && Number.isInteger(pid) && pid > 0 && !pidExists(pid)) unlinkQuiet(join5(dir, name));
}
function dropDeadTickets(dir, tickets, below) {
  const live = [];
  for (const t of tickets) {
    if (t >= below) continue;
    const path = join5(dir, `w.${t}`);
    let rec = null;
    try {
      rec = parseRecord(readFileSync4(path, "utf8"))?.rec ?? null;
    } catch (e) {
      if (e.code === "ENOENT") continue;
      rec = null;
    }
    if (rec && ownerLiveness(rec).state === "alive") live.push(t);
    else unlinkQuiet(path);
  }
  return live;
}
function resolveRuntime(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function reentrantHandle(rt, name, dir, token) {
  const view = readView(dir);
  if (view.top !== token) return null;
  const rec = readGeneration(dir, token);
  if (!rec || isCorrupt(rec) || rec.state !== "held") return null;
  if (ownerLiveness(rec).state !== "alive") return null;
  return { name, token, nonce: rec.nonce, reentrant: true, dir, root: rt.root, acquiredAtMs: rec.acquiredAtMs, waitedMs: 0, tookOver: null, record: rec, previousData: null };
}
async function acquireLock(opts = {}) {
  return await acquireOrServe(opts, void 0);
}
function acquireOrServed(opts) {
  try {
    return acquireOrServe(opts, checkLockData(opts.request));
  } catch (e) {
    return Promise.reject(e);
  }
}
async function acquireOrServe(opts, request) {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const dir = lockDir(rt, name);
  const env = opts.env ?? process.env;
  if (opts.reentrant !== false) {
    const inherited = parseTokenEnv(env).get(name);
    if (inherited !== void 0) {
      const h = reentrantHandle(rt, name, dir, inherited);
      if (h) return h;
    }
  }
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError("BAD_INPUT", `invalid lock timeout ${timeoutMs}`);
  const now = Date.now();
  const record = {
    ...ownerFields(name, opts, opts.leaseMs ?? DEFAULT_LEASE_MS),
    nonce: randomHex(8),
    acquiredAt: new Date(now).toISOString(),
    acquiredAtMs: now,
    renewedAtMs: now,
    ...request ? { request } : {}
  };
  const text = JSON.stringify(record);
  const opened = request !== void 0;
  let tmp = opened ? "" : writeLockTemp(dir, text);
  const tempRecord = () => tmp || (tmp = writeLockTemp(dir, text));
  let recordFd = -1;
  const recordBytes = opened ? Buffer.byteLength(text) : 0;
  let pendingSize = -1;
  const started = Date.now();
  const deadline = started + timeoutMs;
  let ticket = 0;
  let lastHolder = null;
  let lastToken = 0;
  let nextWaitReport = 0;
  let spins = 0;
  let firstTop = -1;
  let lastTop = -1;
  let topSince = started;
  let last2 = null;
  let waker = null;
  let ticketIno = -1;
  let servedTicket = 0;
  const wakerPollMs = (head) => untilDeadline(faultValue("wait-poll-ms") || (head ? 2 : 20 + Math.random() * 30));
  const untilDeadline = (ms) => Math.min(ms, Math.max(0, deadline - Date.now()));
  const servedBy = (s) => {
    const now2 = Date.now();
    if (servedTicket) lastServed.set(dir, { token: s.token, ticket: servedTicket, at: now2 });
    return { served: true, name, token: s.token, result: s.result, waitedMs: now2 - started };
  };
  const enqueue = (tickets) => {
    faultPauseSync("pause-before-ticket");
    if (!opened) {
      ticket = takeTicket(dir, tmp, tickets);
      if (!ticket) return false;
      waker = ticketWaker(tmp);
      return true;
    }
    const made2 = writeTicket(dir, text, tickets);
    if (!made2) return false;
    ticket = made2.ticket;
    recordFd = made2.fd;
    waker = ticketWaker(join5(dir, `w.${ticket}`));
    const st = fstatSync2(recordFd);
    ticketIno = st.ino;
    return st.nlink > 0;
  };
  try {
    try {
      const hint = opened && timeoutMs > 0 ? lastServed.get(dir) : void 0;
      if (hint) {
        lastServed.delete(dir);
        if (Date.now() - hint.at < REQUEUE_WITHIN_MS) {
          faultPauseSync("pause-before-requeue");
          if (enqueue([hint.ticket]) && (faultValue("requeue-without-moved-on") || !movedOn(dir, hint.token))) {
            await waker?.wait(wakerPollMs(false));
          }
        }
      }
      for (; ; ) {
        if (opts.signal?.aborted) throw new LockstepError("LOCK_TIMEOUT", `gave up waiting for the ${name} lock (aborted)`);
        if (opened && ticket) {
          const st = fstatSync2(recordFd);
          if (!stillQueued(dir, ticket, st)) {
            const served = servedResult(recordFd);
            servedTicket = ticket;
            ticket = 0;
            if (served) return servedBy(served);
            waker?.close();
            waker = null;
            closeSync3(recordFd);
            recordFd = -1;
          } else if (waker && st.size > recordBytes && (st.size !== pendingSize || faultValue("result-wait-every-time"))) {
            pendingSize = st.size;
            await waker.wait(wakerPollMs(false));
            continue;
          }
        }
        const view = readView(dir);
        if (firstTop < 0) firstTop = view.top;
        if (view.top !== lastTop) {
          lastTop = view.top;
          topSince = Date.now();
        }
        if (!(opened && ticket === 0 && timeoutMs > 0 && view.tickets.length > 0)) {
          const prev = last2;
          const seen = prev && prev.top === view.top && Date.now() - prev.at < RECHECK_MS ? prev : null;
          const cur = view.top === 0 ? null : seen ? seen.rec : readGeneration(dir, view.top);
          let free = false;
          let handed = null;
          let stale = null;
          if (view.top === 0 || cur === null) {
            free = view.top === 0;
            if (cur === null && view.top !== 0) continue;
          } else if (isCorrupt(cur)) {
            stale = { token: view.top, rec: null, reason: `corrupt record (${cur.corrupt})` };
          } else if (cur.state !== "held") {
            free = true;
            handed = releasedData(cur);
          } else {
            lastHolder = cur;
            const fresh = timeoutMs > 0 && cur.host === hostId() && Math.abs(Date.now() - cur.renewedAtMs) < RECHECK_MS;
            const l = seen || fresh ? { state: "alive" } : ownerLiveness(cur);
            if (l.state === "dead") stale = { token: view.top, rec: cur, reason: l.reason };
          }
          if (!seen && cur && !isCorrupt(cur) && !stale) last2 = { top: view.top, rec: cur, at: Date.now() };
          lastToken = view.top;
          if (free || stale) {
            let mayGo = ticket === 0 ? view.tickets.length === 0 : view.tickets[0] === ticket || view.tickets.length === 0;
            if (!mayGo) touchFirst(dir, view.tickets.slice(0, 1), /* @__PURE__ */ new Date());
            if (!mayGo && Date.now() - topSince > 20) {
              const live = dropDeadTickets(dir, view.tickets, ticket === 0 ? Number.MAX_SAFE_INTEGER : ticket);
              mayGo = live.length === 0;
            }
            if (mayGo) {
              if (stale) {
                const pause = faultValue("pause-before-takeover");
                if (pause > 0) await sleep(pause);
              }
              const mine = view.top + 1;
              const target = join5(dir, String(mine));
              if (tryLink(tempRecord(), target)) {
                const after = readView(dir);
                if (after.top !== mine) {
                  unlinkQuiet(target);
                  continue;
                }
                const acquiredAtMs = Date.now();
                const wasQueued = ticket ? opened ? takeBackTicket(dir, ticket, ticketIno) : unlinkQuiet(join5(dir, `w.${ticket}`)) : true;
                const myTicket = ticket;
                ticket = 0;
                const queued = myTicket ? after.tickets.filter((t2) => t2 !== myTicket) : after.tickets;
                if (after.generations > 16) compact(dir, after, mine);
                const waitedMs = acquiredAtMs - started;
                const tookOver = stale ? { token: stale.token, pid: stale.rec?.pid ?? 0, host: stale.rec?.host ?? "", reason: stale.reason, task: stale.rec?.task ?? null } : null;
                if (tookOver) appendEvent(rt.root, "takeover", { lock: name, token: mine, from: tookOver });
                appendEvent(rt.root, "acquire", { lock: name, token: mine, owner: record.pid, task: record.task, agent: record.agent, waitedMs });
                const handle = { name, token: mine, nonce: record.nonce, reentrant: false, dir, root: rt.root, acquiredAtMs, waitedMs, tookOver, record, previousData: handed };
                acquiredViews.set(handle, { ...after, tickets: queued });
                if (opened && !wasQueued) {
                  const served = servedResult(recordFd);
                  if (served) {
                    releaseLock(handle);
                    return servedBy(served);
                  }
                }
                return handle;
              }
              spins = 0;
              continue;
            }
          }
        }
        const t = Date.now();
        if (t >= deadline) {
          appendEvent(rt.root, "timeout", { lock: name, token: lastToken, waitedMs: t - started, heldBy: lastHolder?.pid ?? null });
          const holderText = describeHolder(lastHolder);
          throw new LockstepError("LOCK_TIMEOUT", `timed out after ${((t - started) / 1e3).toFixed(1)} s waiting for the ${name} lock held by ${holderText}${lastHolder ? ` since ${lastHolder.acquiredAt}` : ""}`, {
            hint: lastHolder ? `see who holds it: lockstep lock status ${name}; if that process is gone, lockstep lock break ${name}` : `lockstep lock status ${name}`,
            detail: { lock: name, token: lastToken, holder: lastHolder }
          });
        }
        if (ticket === 0 && timeoutMs > 0) {
          const queued = enqueue(view.tickets);
          if (!opened) appendEvent(rt.root, "wait", { lock: name, token: view.top, ticket, heldBy: lastHolder?.pid ?? null, heldByTask: lastHolder?.task ?? null });
          if (ticket && (!queued || movedOn(dir, view.top))) continue;
        }
        if (opts.onWait && t >= nextWaitReport) {
          nextWaitReport = t + 1e3;
          opts.onWait({ name, waitedMs: t - started, holder: lastHolder, token: lastToken, waiters: view.tickets.length });
        }
        const cycles = (view.top - firstTop) / 2;
        const cycleMs = cycles >= 1 ? (t - started) / cycles : 2;
        const at = view.tickets.indexOf(ticket);
        const position = ticket === 0 || at < 0 ? view.tickets.length : at;
        spins++;
        let delay;
        if (waker) {
          delay = wakerPollMs(position === 0);
        } else if (position === 0) {
          delay = spins < 200 ? 0 : Math.min(4, 1 + (spins >> 8));
        } else {
          const expected = position * cycleMs;
          delay = Math.min(50, expected * (0.3 + Math.random() * 0.2));
          if (delay < 1) delay = 0;
        }
        delay = untilDeadline(delay);
        if (waker) await waker.wait(delay);
        else if (delay === 0) await new Promise((r) => setImmediate(r));
        else await sleep(delay);
      }
    } catch (e) {
      if (opened && ticket) {
        const served = withdrawRequest(dir, ticket, ticketIno, recordFd);
        ticket = 0;
        if (served) return servedBy(served);
      }
      throw e;
    }
  } finally {
    waker?.close();
    if (recordFd >= 0) closeSync3(recordFd);
    if (tmp) unlinkQuiet(tmp);
    if (ticket) {
      if (opened) takeBackTicket(dir, ticket, ticketIno);
      else unlinkQuiet(join5(dir, `w.${ticket}`));
    }
  }
}
function ticketWaker(path) {
  let pending = false;
  let wakeUp = null;
  let watcher;
  try {
    watcher = watch(path, { persistent: false }, () => {
      pending = true;
      wakeUp?.();
    });
  } catch {
    return null;
  }
  watcher.on("error", () => {
  });
  return {
    wait(ms) {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise((resolve11) => {
        const done = () => {
          clearTimeout(timer);
          wakeUp = null;
          pending = false;
          resolve11();
        };
        const timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
    close() {
      wakeUp = null;
      watcher.close();
    }
  };
}
function wakeNext(dir, queued) {
  const now = /* @__PURE__ */ new Date();
  if (faultValue("wake-acquired-list-only")) {
    touchFirst(dir, queued.length ? queued : [1], now);
    return;
  }
  if (queued.length === 0 && touchFirst(dir, [1], now)) return;
  touchFirst(dir, readView(dir).tickets, now);
}
function movedOn(dir, top) {
  if (existsSync3(join5(dir, String(top + 1)))) return true;
  return top > 0 && !faultValue("moved-on-by-next-only") && !existsSync3(join5(dir, String(top)));
}
function touchFirst(dir, tickets, now) {
  for (const t of tickets) {
    try {
      utimesSync(join5(dir, `w.${t}`), now, now);
      return true;
    } catch {
    }
  }
  return false;
}
var acquiredViews = /* @__PURE__ */ new WeakMap();
var lastServed = /* @__PURE__ */ new Map();
function withdrawRequest(dir, ticket, ino, fd) {
  if (takeBackTicket(dir, ticket, ino)) return null;
  return servedResult(fd);
}
function takeBackTicket(dir, ticket, ino) {
  const path = join5(dir, `w.${ticket}`);
  if (faultValue("trust-ticket-listing")) return readView(dir).tickets.includes(ticket) && unlinkQuiet(path);
  if (faultValue("take-back-by-name")) {
    const ours2 = ticketIsOurs(dir, ticket, ino);
    faultPauseSync("pause-before-take-back");
    return ours2 && unlinkQuiet(path);
  }
  faultPauseSync("pause-before-take-back");
  const aside = join5(dir, `.tmp.${process.pid}.${randomHex(6)}`);
  try {
    renameSync3(path, aside);
  } catch (e) {
    if (e.code === "ENOENT") return false;
    throw fsError(e, "leave the queue in", dir);
  }
  const ours = inodeOf(aside) === ino;
  try {
    if (!ours) tryLink(aside, path, true);
  } finally {
    unlinkQuiet(aside);
  }
  return ours;
}
function inodeOf(path) {
  try {
    return statSync2(path, { throwIfNoEntry: false })?.ino ?? -1;
  } catch {
    return -1;
  }
}
function ticketIsOurs(dir, ticket, ino) {
  return ino >= 0 && inodeOf(join5(dir, `w.${ticket}`)) === ino;
}
function stillQueued(dir, ticket, st) {
  if (faultValue("trust-ticket-listing")) return readView(dir).tickets.includes(ticket);
  return st.nlink > 0;
}
var MAX_SERVED_PER_HOLD = 64;
function serveWaiters(handle, serve, max = MAX_SERVED_PER_HOLD) {
  if (handle.reentrant) return 0;
  const dir = handle.dir;
  let served = 0;
  for (let pass = 0, more = true; more && served < max; pass++) {
    more = false;
    const view = pass === 0 && acquiredViews.get(handle) || readView(dir);
    if (view.top !== handle.token) break;
    for (const t of view.tickets) {
      if (served >= max) break;
      const path = join5(dir, `w.${t}`);
      let fd;
      try {
        fd = openSync3(path, "r+");
      } catch {
        continue;
      }
      try {
        const size = readSync(fd, recordBuf, 0, recordBuf.length, 0);
        const waiter = parseRecord(recordBuf.toString("utf8", 0, size))?.rec;
        if (!waiter || waiter.state !== "held" || typeof waiter.request !== "object" || waiter.request === null) return served;
        if (waiter.host === hostId() && !pidExists(waiter.pid)) continue;
        const out = serve(waiter.request, waiter);
        if (!out) return served;
        if (!SERVED_RESULT.test(out.result)) {
          out.undo?.();
          throw new LockstepError("BAD_INPUT", `a served result must be 1\u201364 of [A-Za-z0-9_-], not ${JSON.stringify(out.result)}`);
        }
        try {
          writeSync3(fd, `
${handle.token}.${out.result}`, size);
          faultPauseSync("pause-before-hand-over");
          unlinkSync3(path);
        } catch (e) {
          if (!faultValue("serve-no-undo")) out.undo?.();
          if (e.code === "ENOENT") continue;
          throw fsError(e, "hand over a served result in", dir);
        }
        served++;
        more = true;
        out.handedOver?.();
      } finally {
        closeSync3(fd);
      }
    }
  }
  return served;
}
function writeTicket(dir, text, known3) {
  const pause = faultValue("pause-before-ticket-write") > 0;
  let fd = null;
  const ticket = firstFreeTicket(known3, (n, first) => {
    const path = join5(dir, `w.${n}`);
    try {
      fd = openExclusive(path, pause ? "" : text, "queue in", dir);
    } catch (e) {
      if (!first || existsSync3(dir)) throw e;
      knownLockDirs.delete(dir);
      ensureLockDir(dir);
      fd = openExclusive(path, pause ? "" : text, "queue in", dir);
    }
    return fd !== null;
  });
  if (!ticket || fd === null) return null;
  if (pause) {
    faultPauseSync("pause-before-ticket-write");
    writeSync3(fd, text);
  }
  return { ticket, fd };
}
function takeTicket(dir, tmp, known3) {
  return firstFreeTicket(known3, (n) => tryLink(tmp, join5(dir, `w.${n}`)));
}
function firstFreeTicket(known3, create) {
  let n = (known3.length ? known3[known3.length - 1] : 0) + 1;
  for (let i = 0; i < 1e3; i++, n++) {
    if (create(n, i === 0)) return n;
  }
  return 0;
}
function compromised(rt, name, token, dir, why) {
  const view = readView(dir);
  const cur = view.top ? readGeneration(dir, view.top) : null;
  const now = cur && !isCorrupt(cur) && cur.state === "held" ? `it is now held by ${describeHolder(cur)} (token ${view.top})` : `its current token is ${view.top}`;
  appendEvent(rt.root, "compromised", { lock: name, token, current: view.top, why });
  return new LockstepError("LOCK_COMPROMISED", `lock compromised: the ${name} lock with token ${token} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep validate and lockstep lock status ${name}`,
    detail: { lock: name, token, current: view.top }
  });
}
function writeFreeMarker(dir, name, ended, state, queued, reason, data) {
  const marker = { v: SCHEMA, lock: name, state, by: { pid: process.pid, host: hostId() }, at: (/* @__PURE__ */ new Date()).toISOString(), ended, ...reason ? { reason } : {}, ...data ? { data } : {} };
  const tmp = writeLockTemp(dir, JSON.stringify(marker));
  try {
    if (!tryLink(tmp, join5(dir, String(ended + 1)))) return false;
    wakeNext(dir, queued);
    return true;
  } finally {
    unlinkQuiet(tmp);
  }
}
function releaseLock(handle, opts = {}) {
  const name = validateLockName(handle.name);
  const data = opts.data === void 0 ? void 0 : checkLockData(opts.data);
  if (handle.reentrant) return { name, token: handle.token, heldMs: 0, reentrant: true };
  if (!Number.isSafeInteger(handle.token) || handle.token <= 0) throw new LockstepError("BAD_INPUT", `invalid token ${JSON.stringify(handle.token)}: tokens are positive integers`);
  const rt = handle.root ? { root: handle.root } : resolveRuntime(handle);
  const dir = handle.dir ?? join5(rt.root, "locks", name);
  const acquiredView = acquiredViews.get(handle);
  let cur;
  if (acquiredView) {
    cur = readGeneration(dir, handle.token);
    if (!isOurs(cur, handle.nonce)) throw notReleased(rt, name, handle.token, dir);
    if (!writeFreeMarker(dir, name, handle.token, "released", acquiredView.tickets, void 0, data)) throw notReleased(rt, name, handle.token, dir);
    compact(dir, acquiredView, handle.token);
  } else {
    const view = readView(dir);
    if (view.top !== handle.token) throw notReleased(rt, name, handle.token, dir);
    cur = readGeneration(dir, handle.token);
    if (!isOurs(cur, handle.nonce)) throw notReleased(rt, name, handle.token, dir);
    if (!writeFreeMarker(dir, name, handle.token, "released", view.tickets, void 0, data)) throw compromised(rt, name, handle.token, dir, "taken over while releasing");
  }
  const heldMs = Date.now() - cur.acquiredAtMs;
  appendEvent(rt.root, "release", { lock: name, token: handle.token, heldMs, task: cur.task });
  return { name, token: handle.token, heldMs, reentrant: false };
}
function isOurs(cur, nonce) {
  return !!cur && !isCorrupt(cur) && cur.state === "held" && (!nonce || cur.nonce === nonce);
}
function notReleased(rt, name, token, dir) {
  const view = readView(dir);
  const next = view.top > token ? readGeneration(dir, token + 1) : null;
  if (next && !isCorrupt(next) && next.state === "released") {
    return new LockstepError("LOCK_NOT_HELD", `the ${name} lock with token ${token} was already released (at ${next.at})`, {
      hint: `see the lock now: lockstep lock status ${name}`,
      detail: { lock: name, token, current: view.top }
    });
  }
  const why = next && !isCorrupt(next) && next.state === "broken" ? `broken by pid ${next.by.pid}: ${next.reason ?? "no reason given"}` : view.top > token ? "a later owner took it over" : view.top === token ? "the record under this token is not ours" : "no such token";
  return compromised(rt, name, token, dir, why);
}
function updateLock(handle, change = {}) {
  if (handle.reentrant) return handle.record;
  const view = readView(handle.dir);
  const cur = readGeneration(handle.dir, handle.token);
  if (view.top !== handle.token || !cur || isCorrupt(cur) || cur.state !== "held" || cur.nonce !== handle.nonce) {
    throw compromised({ root: handle.root }, handle.name, handle.token, handle.dir, "lost before renewal");
  }
  const next = { ...cur };
  if (change.renew !== false) next.renewedAtMs = Date.now();
  if (change.addOwners?.length) {
    next.extraOwners = [...cur.extraOwners ?? [], ...change.addOwners.map((pid) => ({ pid, pidStart: startStamp(pid) }))];
  }
  const tmp = writeLockTemp(handle.dir, JSON.stringify(next));
  try {
    renameSync3(tmp, join5(handle.dir, String(handle.token)));
  } catch (e) {
    unlinkQuiet(tmp);
    throw fsError(e, "renew lock record", handle.dir);
  }
  handle.record = next;
  return next;
}
function lockStatus(opts = {}) {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const dir = lockDir(rt, name);
  for (let attempt = 0; ; attempt++) {
    const view = readView(dir);
    const base = { name, token: view.top, path: dir, waiters: view.tickets.length };
    if (view.top === 0) return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    const cur = readGeneration(dir, view.top);
    if (cur === null && attempt < 5) continue;
    if (cur === null) return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    if (isCorrupt(cur)) return { ...base, state: "stale", holder: null, ageMs: null, staleReason: `corrupt record (${cur.corrupt})` };
    if (cur.state !== "held") return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    const l = ownerLiveness(cur);
    return { ...base, state: l.state === "dead" ? "stale" : "held", holder: cur, ageMs: Date.now() - cur.acquiredAtMs, staleReason: l.state === "dead" ? l.reason : null };
  }
}
function listLocks(opts = {}) {
  const rt = resolveRuntime(opts);
  let names = [];
  try {
    names = readdirSync(join5(rt.root, "locks")).filter((n) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(n));
  } catch {
    names = [];
  }
  return names.sort().map((name) => lockStatus({ runtime: rt, name }));
}
function breakLock(opts = {}) {
  const name = validateLockName(opts.name ?? DEFAULT_LOCK);
  const rt = resolveRuntime(opts);
  const st = lockStatus({ runtime: rt, name });
  if (opts.expectToken !== void 0 && st.token !== opts.expectToken) {
    throw new LockstepError("CONFLICT", `the ${name} lock is at token ${st.token}, not ${opts.expectToken}: nothing broken`, {
      hint: `look again: lockstep lock status ${name}`,
      detail: { lock: name, token: st.token, expected: opts.expectToken }
    });
  }
  if (st.state === "free") return { broken: false, name, token: st.token, reason: "free" };
  if (st.state === "held" && !opts.force) {
    throw new LockstepError("LOCK_HELD", `the ${name} lock is held by ${describeHolder(st.holder)} (token ${st.token}), which is still running: not broken`, {
      hint: `wait for it, stop that process, or break it anyway: lockstep lock break ${name} --expect-token ${st.token} --force`,
      detail: { lock: name, token: st.token, holder: st.holder }
    });
  }
  const reason = st.state === "stale" ? st.staleReason ?? "stale" : "forced";
  if (!writeFreeMarker(st.path, name, st.token, "broken", readView(st.path).tickets, reason)) {
    throw new LockstepError("CONFLICT", `the ${name} lock changed while breaking it (token ${st.token} is no longer current): nothing broken`, {
      hint: `look again: lockstep lock status ${name}`
    });
  }
  appendEvent(rt.root, "break", { lock: name, token: st.token, reason, previous: st.holder?.pid ?? null, task: st.holder?.task ?? null });
  return { broken: true, name, token: st.token, previous: st.holder, reason };
}
async function withLock(opts, fn) {
  const h = await acquireLock(opts);
  try {
    return await fn(h);
  } finally {
    releaseLock(h);
  }
}

// src/core/run-locked.ts
import { spawn } from "node:child_process";
import { accessSync, constants, statSync as statSync3 } from "node:fs";
import { delimiter, join as join6, resolve } from "node:path";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"];
var GATE = 'IFS= read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';
function findExecutable(cmd, pathEnv, cwd) {
  const candidates = cmd.includes("/") ? [resolve(cwd, cmd)] : pathEnv.split(delimiter).filter(Boolean).map((d) => join6(d, cmd));
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      if (statSync3(c).isFile()) return c;
    } catch {
    }
  }
  return null;
}
async function runLocked(opts) {
  if (opts.argv.length === 0) throw new LockstepError("BAD_INPUT", "no command to run");
  const handle = await acquireLock({ ...opts, command: opts.argv.join(" ").slice(0, 500) });
  const started = Date.now();
  const env = { ...process.env, ...opts.childEnv ?? {}, LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle) };
  if (opts.task) env.LOCKSTEP_TASK = opts.task;
  if (opts.agent) env.LOCKSTEP_AGENT = opts.agent;
  const missing = findExecutable(opts.argv[0], env.PATH ?? "", opts.cwd ?? process.cwd()) === null;
  if (missing) {
    releaseLock(handle);
    return { exitCode: 127, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: `command not found: ${opts.argv[0]}` };
  }
  let spawnError = null;
  const std = opts.stdio ?? "inherit";
  const child = spawn("sh", ["-c", GATE, "lockstep-run-locked", ...opts.argv], { cwd: opts.cwd, env, stdio: [std, std, std, "pipe"] });
  const gate = child.stdio[3];
  gate?.on("error", () => void 0);
  const forward = (sig) => () => {
    child.kill(sig);
  };
  const handlers = FORWARDED.map((sig) => [sig, forward(sig)]);
  for (const [sig, h] of handlers) process.on(sig, h);
  let renewTimer = null;
  try {
    if (child.pid !== void 0) {
      try {
        updateLock(handle, { addOwners: [child.pid] });
        gate?.end("go\n");
      } catch {
        gate?.destroy();
      }
      const every = Math.max(1e3, Math.floor(handle.record.leaseMs / 3));
      renewTimer = setInterval(() => {
        try {
          updateLock(handle, { renew: true });
        } catch {
        }
      }, every);
      renewTimer.unref();
    }
    const { code, signal } = await new Promise((resolve11) => {
      child.once("error", (e) => {
        spawnError = e;
        resolve11({ code: null, signal: null });
      });
      child.once("close", (c, s) => resolve11({ code: c, signal: s }));
    });
    let exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
    if (spawnError) {
      const enoent = spawnError.code === "ENOENT";
      exitCode = enoent ? 127 : 126;
    }
    let releaseError = null;
    try {
      releaseLock(handle);
    } catch (e) {
      if (isLockstepError(e)) releaseError = e;
      else throw e;
    }
    const failedToStart = spawnError ? spawnError.code === "ENOENT" ? `command not found: ${opts.argv[0]}` : `cannot run ${opts.argv[0]}: ${spawnError.message}` : null;
    return { exitCode, signal, token: handle.token, waitedMs: handle.waitedMs, heldMs: Date.now() - started, releaseError, failedToStart };
  } finally {
    if (renewTimer) clearInterval(renewTimer);
    for (const [sig, h] of handlers) process.off(sig, h);
  }
}
function signalNumber(sig) {
  const table = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13, SIGABRT: 6, SIGSEGV: 11 };
  return table[sig] ?? 1;
}

// src/alloc/allocate.ts
import { mkdirSync as mkdirSync3, realpathSync, rmdirSync, statSync as statSync6 } from "node:fs";
import { join as join10, resolve as resolve3 } from "node:path";

// src/alloc/lock-target.ts
import { join as join8 } from "node:path";

// src/git/discover.ts
import { readFileSync as readFileSync5, statSync as statSync4 } from "node:fs";
import { dirname as dirname3, join as join7, resolve as resolve2 } from "node:path";
function kindOf(p) {
  try {
    const st = statSync4(p, { throwIfNoEntry: false });
    if (!st) return null;
    return st.isDirectory() ? "dir" : st.isFile() ? "file" : null;
  } catch {
    return null;
  }
}
function readCommonDir(gitDir) {
  try {
    const rel = readFileSync5(join7(gitDir, "commondir"), "utf8").trim();
    return rel ? resolve2(gitDir, rel) : gitDir;
  } catch {
    return gitDir;
  }
}
function gitDirOf(dotGit) {
  const kind = kindOf(dotGit);
  if (kind === "dir") return kindOf(join7(dotGit, "HEAD")) === "file" ? dotGit : null;
  if (kind !== "file") return null;
  try {
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync5(dotGit, "utf8"));
    if (!m) return null;
    const dir = resolve2(dirname3(dotGit), m[1]);
    return kindOf(dir) === "dir" ? dir : null;
  } catch {
    return null;
  }
}
function findCheckout(realDir) {
  for (let d = realDir; ; ) {
    const gitDir = gitDirOf(join7(d, ".git"));
    if (gitDir) return { gitDir, commonDir: readCommonDir(gitDir) };
    const up = dirname3(d);
    if (up === d) return null;
    d = up;
  }
}
function checkoutCommonDir(realDir) {
  return findCheckout(realDir)?.commonDir ?? null;
}

// src/alloc/lock-target.ts
function allocationLockName(realRoot) {
  return `alloc-${sha1Hex(realRoot).slice(0, 12)}`;
}
function allocationLockFor(realRoot) {
  const hit = known.get(realRoot);
  if (hit) return hit;
  const name = allocationLockName(realRoot);
  const commonDir = checkoutCommonDir(realRoot);
  const root = commonDir ? join8(commonDir, "lockstep") : join8(realRoot, ".lockstep");
  const lock = { runtime: { root, repo: null }, name, commonDir };
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(realRoot, lock);
  return lock;
}
var known = /* @__PURE__ */ new Map();
var KNOWN_MAX = 256;

// src/alloc/name.ts
var MAX_NAME_LENGTH = 64;
var MAX_INPUT_LENGTH = 255;
function bad(message, input) {
  return new LockstepError("BAD_NAME", message, {
    hint: 'use a short descriptive name such as "auth flow" (letters, digits, spaces, - and _)',
    detail: { name: input.length > 80 ? `${input.slice(0, 80)}\u2026` : input }
  });
}
function sanitizeTopicName(input) {
  if (typeof input !== "string") throw bad("the topic name must be a string", String(input));
  if (input.length > MAX_INPUT_LENGTH) {
    throw bad(`the topic name is ${input.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted`, input);
  }
  if (input.includes("/") || input.includes("\\")) {
    throw bad(`the topic name ${JSON.stringify(input)} contains a path separator: a name is not a path`, input);
  }
  if (input.includes("..")) throw bad(`the topic name ${JSON.stringify(input)} contains "..": a name cannot point outside its root`, input);
  const control = /[\u0000-\u001f\u007f-\u009f]/.exec(input);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, "0");
    throw bad(`the topic name contains a control character (U+${code}${control[0] === "\n" ? ", a newline" : ""}) at position ${control.index}`, input);
  }
  const folded = input.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  let name = folded.replace(/[^a-z0-9_]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (name.length > MAX_NAME_LENGTH) name = name.slice(0, MAX_NAME_LENGTH).replace(/_+$/, "");
  if (name === "") {
    throw bad(
      input.trim() === "" ? "the topic name is empty" : `the topic name ${JSON.stringify(input)} has no letters or digits a-z/0-9 left after sanitizing`,
      input
    );
  }
  return name;
}
function isSanitizedTopicName(name) {
  return name.length <= MAX_NAME_LENGTH && SANITIZED.test(name);
}
var SANITIZED = /^[a-z0-9]+(?:_[a-z0-9]+)*$/;

// src/alloc/highest-hint.ts
import { statSync as statSync5 } from "node:fs";

// src/alloc/scan.ts
import { readdirSync as readdirSync2 } from "node:fs";
import { join as join9 } from "node:path";
var ALLOCATED = /^(\d+)_/;
function parseNumber(digits, entry, root) {
  const n = Number(digits);
  if (!Number.isSafeInteger(n)) {
    throw new LockstepError("ENVIRONMENT", `${join9(root, entry)} carries a number too large to continue from`, {
      hint: `rename or remove it: mv "${join9(root, entry)}" \u2026`
    });
  }
  return n;
}
function list(root) {
  try {
    return readdirSync2(root);
  } catch (e) {
    throw fsError(e, "read allocation root", root);
  }
}
function highestNumber(root) {
  let max = 0;
  for (const e of list(root)) {
    const c = e.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const m = ALLOCATED.exec(e);
    if (!m) continue;
    const n = parseNumber(m[1], e, root);
    if (n > max) max = n;
  }
  return max;
}
function scanAllocations(root) {
  const out = [];
  for (const e of list(root)) {
    const m = ALLOCATED.exec(e);
    if (m) out.push({ number: parseNumber(m[1], e, root), entry: e, path: join9(root, e) });
  }
  return out.sort((a, b) => a.number - b.number || (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}
function formatNumber(n, width) {
  return String(n).padStart(width, "0");
}

// src/alloc/highest-hint.ts
function identity(st) {
  return { dev: String(st.dev), ino: String(st.ino), mtimeNs: String(st.mtimeNs), ctimeNs: String(st.ctimeNs), nlink: String(st.nlink) };
}
function hintFromData(data) {
  const h = data?.highest;
  if (!h || typeof h !== "object" || h.v !== 1 || !Number.isSafeInteger(h.highest) || h.highest < 0) return null;
  for (const k of ["dev", "ino", "mtimeNs", "ctimeNs", "nlink"]) if (typeof h[k] !== "string") return null;
  return h;
}
function highestWithHint(realRoot, hint) {
  if (hint) {
    const now = identity(statSync5(realRoot, { bigint: true }));
    if (now.dev === hint.dev && now.ino === hint.ino && now.mtimeNs === hint.mtimeNs && now.ctimeNs === hint.ctimeNs && now.nlink === hint.nlink) {
      return { highest: hint.highest, fromHint: true };
    }
  }
  return { highest: highestNumber(realRoot), fromHint: false };
}
function hintData(realRoot, highest) {
  try {
    const hint = { v: 1, highest, ...identity(statSync5(realRoot, { bigint: true })) };
    return { highest: hint };
  } catch {
    return null;
  }
}

// src/alloc/allocate.ts
var DEFAULT_WIDTH = 3;
var MAX_WIDTH = 12;
function resolveRoot(root, cwd) {
  if (typeof root !== "string" || root.trim() === "") throw new LockstepError("BAD_INPUT", "the allocation root is empty", { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
  if (root.includes("\0")) throw new LockstepError("BAD_INPUT", "the allocation root contains a NUL byte");
  return resolve3(cwd ?? process.cwd(), root);
}
function isValidWidth(width) {
  return Number.isSafeInteger(width) && width >= 1 && width <= MAX_WIDTH;
}
function validateWidth(width) {
  if (!isValidWidth(width)) {
    throw new LockstepError("BAD_INPUT", `the number width must be a whole number from 1 to ${MAX_WIDTH}, not ${JSON.stringify(width)}`);
  }
  return width;
}
function ensureRoot(abs) {
  let isDir;
  try {
    isDir = statSync6(abs).isDirectory();
  } catch (e) {
    if (e.code !== "ENOENT") throw fsError(e, "open allocation root", abs);
    try {
      mkdirSync3(abs, { recursive: true });
    } catch (e2) {
      throw fsError(e2, "create allocation root", abs);
    }
    isDir = true;
  }
  if (!isDir) throw new LockstepError("ENVIRONMENT", `the allocation root ${abs} is not a directory`, { hint: `move the file out of the way or choose another root` });
  try {
    return realpathSync.native(abs);
  } catch (e) {
    throw fsError(e, "open allocation root", abs);
  }
}
function makeEntry(path) {
  try {
    mkdirSync3(path);
    return true;
  } catch (e) {
    if (e.code === "EEXIST") return false;
    throw fsError(e, "create", path);
  }
}
function requestFor(real2, data) {
  const r = data;
  if (r.kind !== "allocate" || r.root !== real2 || typeof r.name !== "string" || typeof r.width !== "number") return null;
  if (!isSanitizedTopicName(r.name) || !isValidWidth(r.width)) return null;
  return r;
}
function resultOf(served, name, width) {
  if (!/^[1-9][0-9]{0,15}$/.test(served)) return null;
  const number = Number(served);
  if (!Number.isSafeInteger(number)) return null;
  return { number, entry: `${formatNumber(number, width)}_${name}` };
}
var Numberer = class {
  constructor(real2, abs, highest) {
    this.real = real2;
    this.abs = abs;
    this.highest = highest;
  }
  real;
  abs;
  highest;
  /** mkdir of the next `NNN_name`; a name taken under our feet by something outside lockstep: look again. */
  next(name, width) {
    for (let attempt = 0; ; attempt++) {
      const number = (attempt === 0 ? this.highest : highestNumber(this.real)) + 1;
      if (!Number.isSafeInteger(number)) throw new LockstepError("ENVIRONMENT", `no number left after ${number - 1} in ${this.abs}`);
      const entry = `${formatNumber(number, width)}_${name}`;
      if (makeEntry(join10(this.real, entry))) {
        this.highest = number;
        return { number, entry };
      }
      if (attempt >= 100) throw new LockstepError("CONFLICT", `${join10(this.abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${this.abs}`);
    }
  }
  /** Takes back the entry just made (its waiter withdrew before the result reached it). */
  undo(r) {
    try {
      rmdirSync(join10(this.real, r.entry));
      if (this.highest === r.number) this.highest = r.number - 1;
    } catch {
    }
  }
};
async function allocate(opts) {
  const name = sanitizeTopicName(opts.name);
  const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
  const abs = resolveRoot(opts.root, opts.cwd);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const real2 = ensureRoot(abs);
  const target = allocationLockFor(real2);
  const request = { kind: "allocate", root: real2, name, width };
  const got = await acquireOrServed({
    runtime: target.runtime,
    name: target.name,
    timeoutMs,
    cwd: abs,
    command: `allocate ${abs} ${name}`,
    onWait: opts.onWait,
    request
  });
  let mine;
  let token;
  if ("served" in got) {
    const r = resultOf(got.result, name, width);
    if (!r) {
      throw new LockstepError("CORRUPT_STATE", `the holder of the ${target.name} lock (token ${got.token}) answered this allocation with ${JSON.stringify(got.result)}`, {
        hint: `nothing of this call's name was handed out; check the root with lockstep allocate --verify ${abs}`
      });
    }
    mine = r;
    token = got.token;
  } else {
    const handle = got;
    token = handle.token;
    let handOn = null;
    const servedFor = [];
    try {
      const hint = hintFromData(handle.previousData);
      const numbers = new Numberer(real2, abs, highestWithHint(real2, hint).highest);
      mine = numbers.next(name, width);
      try {
        serveWaiters(handle, (data, waiter) => {
          const req = requestFor(real2, data);
          if (!req) return null;
          const r = numbers.next(req.name, req.width);
          return { result: String(r.number), undo: () => numbers.undo(r), handedOver: () => servedFor.push({ pid: waiter.pid, number: r.number, entry: r.entry }) };
        });
      } catch {
      }
      handOn = hintData(real2, numbers.highest);
    } finally {
      releaseLock(handle, handOn ? { data: handOn } : {});
    }
    appendEvent(target.runtime.root, "allocate", { root: real2, number: mine.number, entry: mine.entry, token, ...servedFor.length ? { servedOthers: servedFor.length, servedFor } : {} });
  }
  return { topicNumber: formatNumber(mine.number, width), topicPath: join10(abs, mine.entry), number: mine.number, name, token };
}

// src/alloc/verify.ts
import { existsSync as existsSync4, realpathSync as realpathSync2, statSync as statSync7 } from "node:fs";
function verifyAllocations(opts) {
  const abs = resolveRoot(opts.root, opts.cwd);
  if (!existsSync4(abs)) {
    throw new LockstepError("NOT_FOUND", `the allocation root ${abs} does not exist`, { hint: "check the path; lockstep allocate ROOT NAME creates it" });
  }
  let real2;
  try {
    if (!statSync7(abs).isDirectory()) throw new LockstepError("BAD_INPUT", `the allocation root ${abs} is not a directory`);
    real2 = realpathSync2(abs);
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    throw fsError(e, "open allocation root", abs);
  }
  const entries = scanAllocations(real2);
  const byNumber = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const list2 = byNumber.get(e.number);
    if (list2) list2.push(e.entry);
    else byNumber.set(e.number, [e.entry]);
  }
  const duplicates = [];
  for (const [number, names] of byNumber) if (names.length > 1) duplicates.push({ number, entries: names });
  const highest = entries.length ? entries[entries.length - 1].number : 0;
  const gaps = [];
  let expect = 1;
  for (const n of [...byNumber.keys()].sort((a, b) => a - b)) {
    if (n > expect) gaps.push({ from: expect, to: n - 1 });
    expect = Math.max(expect, n + 1);
  }
  const target = allocationLockFor(real2);
  const st = lockStatus({ runtime: target.runtime, name: target.name });
  const leftoverLock = st.state === "free" ? null : { name: st.name, state: st.state, token: st.token, pid: st.holder?.pid ?? null, since: st.holder?.acquiredAt ?? null, reason: st.staleReason, path: st.path };
  return {
    ok: duplicates.length === 0 && leftoverLock === null,
    root: abs,
    entries,
    highest,
    duplicates,
    gaps,
    leftoverLock,
    lock: { name: target.name, path: st.path }
  };
}

// src/state/discover.ts
import { readdirSync as readdirSync3, readFileSync as readFileSync7 } from "node:fs";
import { join as join12 } from "node:path";

// src/state/id.ts
var PREFIX = /^[A-Za-z0-9_-]{1,64}$/;
var ID = /^([A-Za-z0-9_-]{1,64})_(\d{1,30})_(\d{1,10})_([0-9a-f]{8})$/;
function validatePrefix(prefix) {
  if (typeof prefix !== "string" || !PREFIX.test(prefix)) {
    throw new LockstepError("BAD_INPUT", `invalid state prefix ${JSON.stringify(prefix)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-'`, {
      hint: "name it after the command, e.g. lockstep state init create-plan"
    });
  }
  return prefix;
}
function parseStateId(id) {
  if (typeof id !== "string") return null;
  const m = ID.exec(id);
  if (!m) return null;
  return { prefix: m[1], ns: m[2], pid: Number(m[3]), random: m[4] };
}
function validateStateId(id) {
  const p = parseStateId(id);
  if (!p) {
    throw new LockstepError("BAD_INPUT", `invalid state id ${JSON.stringify(id)}: expected PREFIX_<nanoseconds>_<pid>_<8 hex>, as printed by lockstep state init`, {
      hint: "list the ids there are: lockstep state list"
    });
  }
  return p;
}
var offset = BigInt(Date.now()) * 1000000n - process.hrtime.bigint();
var last = 0n;
function nowNs() {
  let t = process.hrtime.bigint() + offset;
  if (t <= last) t = last + 1n;
  last = t;
  return t;
}
function newStateId(prefix) {
  validatePrefix(prefix);
  return `${prefix}_${nowNs()}_${process.pid}_${randomHex(4)}`;
}

// src/state/store.ts
import { linkSync as linkSync3, mkdirSync as mkdirSync4, readFileSync as readFileSync6, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join11 } from "node:path";

// src/state/shell-env.ts
var SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
var RESERVED = /* @__PURE__ */ new Set([
  "PATH",
  "IFS",
  "ENV",
  "BASH_ENV",
  "PROMPT_COMMAND",
  "PS0",
  "PS1",
  "PS2",
  "PS3",
  "PS4",
  "SHELLOPTS",
  "BASHOPTS",
  "CDPATH",
  "GLOBIGNORE",
  "HOME",
  "SHELL",
  "NODE_OPTIONS",
  "PYTHONSTARTUP",
  "PERL5OPT",
  "RUBYOPT",
  "GIT_DIR",
  "GIT_WORK_TREE",
  "LOCKSTEP_LOCK_TOKEN"
]);
var RESERVED_PREFIX = /^(BASH_|LD_|DYLD_|GIT_CONFIG|BASH_FUNC_)/;
function isReservedKey(key) {
  return RESERVED.has(key) || RESERVED_PREFIX.test(key);
}
function validateKey(key) {
  if (typeof key !== "string" || !SHELL_NAME.test(key) || key.length > 128) {
    throw new LockstepError("BAD_INPUT", `invalid state key ${JSON.stringify(key)}: keys are shell variable names (A-Z, a-z, 0-9, '_', not starting with a digit, at most 128)`, {
      hint: "e.g. lockstep state set ID PLAN_PATH=/abs/plan.md"
    });
  }
  if (isReservedKey(key)) {
    throw new LockstepError("BAD_INPUT", `state key ${key} is reserved: exporting it into a shell would change how that shell runs commands`, {
      hint: `use a name of your own, e.g. WORKFLOW_${key}`
    });
  }
  return key;
}
function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function exportLines(values) {
  return Object.keys(values).sort().map((k) => `export ${validateKey(k)}=${shellQuote(values[k])}`);
}

// src/state/store.ts
var SCHEMA2 = 1;
var MAX_VALUE_LENGTH = 1024 * 1024;
var MAX_OWNER_LENGTH = 256;
function stateDir(loc) {
  const rt = loc.runtime ?? openRuntime({ cwd: loc.cwd });
  return join11(rt.root, "state");
}
function statePath(dir, id) {
  validateStateId(id);
  return join11(dir, `${id}.json`);
}
function stateLockName(id) {
  return `state-${sha1Hex(id)[0]}`;
}
function validateOwner(owner) {
  if (typeof owner !== "string" || owner === "" || owner.length > MAX_OWNER_LENGTH || /[\u0000-\u001f\u007f]/.test(owner)) {
    throw new LockstepError("BAD_INPUT", `invalid owner key ${JSON.stringify(owner)}: 1-${MAX_OWNER_LENGTH} printable characters`, {
      hint: 'use something unique to this run, e.g. --owner "$CLAUDE_SESSION_ID" or --owner "$$"'
    });
  }
  return owner;
}
function validateValue(key, value) {
  if (typeof value !== "string") throw new LockstepError("BAD_INPUT", `the value of ${key} must be a string`);
  if (value.includes("\0")) throw new LockstepError("BAD_INPUT", `the value of ${key} contains a NUL byte, which no shell variable can hold`);
  if (value.length > MAX_VALUE_LENGTH) throw new LockstepError("BAD_INPUT", `the value of ${key} is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are accepted`);
  return value;
}
function corrupt(path, why) {
  return new LockstepError("CORRUPT_STATE", `the state file ${path} is corrupt: ${why}`, {
    hint: `inspect it (cat "${path}"); lockstep leaves it untouched. Remove it once you are done: rm "${path}"`,
    detail: { path }
  });
}
function checkRecord(raw, id, path) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw corrupt(path, "not a JSON object");
  const r = raw;
  if (r.v !== SCHEMA2) throw corrupt(path, `unknown schema version ${JSON.stringify(r.v)}`);
  if (r.id !== id) throw corrupt(path, `it names id ${JSON.stringify(r.id)}, not ${id}`);
  if (typeof r.prefix !== "string" || typeof r.createdAtMs !== "number" || typeof r.updatedAtMs !== "number") throw corrupt(path, "fields are missing");
  if (r.owner !== null && typeof r.owner !== "string") throw corrupt(path, "owner is not a string");
  const values = r.values;
  if (typeof values !== "object" || values === null || Array.isArray(values)) throw corrupt(path, "values is not an object");
  for (const [k, v] of Object.entries(values)) {
    if (!SHELL_NAME.test(k) || isReservedKey(k)) throw corrupt(path, `key ${JSON.stringify(k)} is not a usable shell variable name`);
    if (typeof v !== "string" || v.includes("\0")) throw corrupt(path, `the value of ${k} is not a string`);
  }
  return r;
}
function parseFile(text, id, path) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt(path, text.length === 0 ? "it is empty" : `it is not valid JSON (${text.length} bytes)`);
  }
  return checkRecord(raw, id, path);
}
function readStateFile(dir, id) {
  const path = statePath(dir, id);
  let text;
  try {
    text = readFileSync6(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw fsError(e, "read state file", path);
  }
  return parseFile(text, id, path);
}
function notFound(id) {
  return new LockstepError("NOT_FOUND", `no state with id ${id}`, { hint: "list the ids there are: lockstep state list (it may have expired: state gc removes old ones)" });
}
function writeStateFile(dir, rec) {
  writeFileAtomic(statePath(dir, rec.id), JSON.stringify(rec, null, 2) + "\n");
}
function ensureStateDir(dir) {
  try {
    mkdirSync4(dir, { recursive: true });
  } catch (e) {
    throw fsError(e, "create state directory", dir);
  }
}
function initState(opts) {
  validatePrefix(opts.prefix);
  const owner = opts.owner === void 0 || opts.owner === null ? null : validateOwner(opts.owner);
  const values = {};
  for (const [k, v] of Object.entries(opts.values ?? {})) values[validateKey(k)] = validateValue(k, v);
  const dir = stateDir(opts);
  ensureStateDir(dir);
  for (let attempt = 0; ; attempt++) {
    const id = newStateId(opts.prefix);
    const now = Date.now();
    const record = {
      v: SCHEMA2,
      id,
      prefix: opts.prefix,
      owner,
      createdAt: new Date(now).toISOString(),
      createdAtMs: now,
      updatedAt: new Date(now).toISOString(),
      updatedAtMs: now,
      pid: process.pid,
      host: hostId(),
      values
    };
    const path = statePath(dir, id);
    const tmp = tempPathFor(path);
    try {
      writeFileSync2(tmp, JSON.stringify(record, null, 2) + "\n", { flag: "wx", mode: 420 });
      linkSync3(tmp, path);
      return { id, path, record };
    } catch (e) {
      if (e.code === "EEXIST" && attempt < 5) continue;
      throw fsError(e, "create state file", path);
    } finally {
      unlinkQuiet(tmp);
    }
  }
}
function getState(opts) {
  validateStateId(opts.id);
  const rec = readStateFile(stateDir(opts), opts.id);
  if (!rec) throw notFound(opts.id);
  return rec;
}
async function setState(opts) {
  validateStateId(opts.id);
  const entries = Object.entries(opts.values).map(([k, v]) => [validateKey(k), validateValue(k, v)]);
  const unset = (opts.unset ?? []).map(validateKey);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  if (!readStateFile(dir, opts.id)) throw notFound(opts.id);
  const handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state set ${opts.id}` });
  try {
    const rec = readStateFile(dir, opts.id);
    if (!rec) throw notFound(opts.id);
    for (const [k, v] of entries) rec.values[k] = v;
    for (const k of unset) delete rec.values[k];
    const now = Date.now();
    rec.updatedAtMs = now;
    rec.updatedAt = new Date(now).toISOString();
    writeStateFile(dir, rec);
    return rec;
  } finally {
    releaseLock(handle);
  }
}
async function removeState(opts) {
  validateStateId(opts.id);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  const handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state rm ${opts.id}` });
  try {
    return unlinkQuiet(statePath(dir, opts.id));
  } finally {
    releaseLock(handle);
  }
}
function idOfFile(file) {
  if (!file.endsWith(".json")) return null;
  const id = file.slice(0, -5);
  return parseStateId(id) ? id : null;
}

// src/state/discover.ts
function readDir(dir) {
  try {
    return readdirSync3(dir);
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read state directory", dir);
  }
}
function listStates(opts = {}) {
  if (opts.prefix !== void 0) validatePrefix(opts.prefix);
  const dir = stateDir(opts);
  const out = [];
  for (const f of readDir(dir)) {
    const id = idOfFile(f);
    if (!id) continue;
    if (opts.prefix !== void 0 && parseStateId(id).prefix !== opts.prefix) continue;
    const path = join12(dir, f);
    let text;
    try {
      text = readFileSync7(path, "utf8");
    } catch (e) {
      if (e.code === "ENOENT") continue;
      throw fsError(e, "read state file", path);
    }
    try {
      let raw;
      try {
        raw = JSON.parse(text);
      } catch {
        throw new LockstepError("CORRUPT_STATE", `the state file ${path} is corrupt: it is not valid JSON (${text.length} bytes)`);
      }
      out.push({ id, path, record: checkRecord(raw, id, path), error: null });
    } catch (e) {
      if (!isLockstepError(e) || e.code !== "CORRUPT_STATE") throw e;
      out.push({ id, path, record: null, error: e.message });
    }
  }
  return out.sort((a, b) => {
    const na = BigInt(parseStateId(a.id).ns);
    const nb = BigInt(parseStateId(b.id).ns);
    return na < nb ? -1 : na > nb ? 1 : a.id < b.id ? -1 : 1;
  });
}
function discoverState(opts) {
  validatePrefix(opts.prefix);
  const owner = validateOwner(opts.owner);
  const all = listStates({ cwd: opts.cwd, runtime: opts.runtime, prefix: opts.prefix });
  const mine = all.filter((e) => e.record?.owner === owner);
  const corrupt2 = all.filter((e) => e.error !== null).map((e) => e.path);
  const last2 = mine[mine.length - 1];
  if (!last2 && corrupt2.length) {
    throw new LockstepError("CORRUPT_STATE", `no readable ${opts.prefix} state of owner ${owner}, and ${corrupt2.length} corrupt state ${corrupt2.length === 1 ? "file" : "files"} of that prefix could have been it: ${corrupt2.join(", ")}`, {
      hint: `inspect ${corrupt2.length === 1 ? "it" : "them"} (lockstep state list ${opts.prefix}); lockstep leaves corrupt files untouched`,
      detail: { corrupt: corrupt2 }
    });
  }
  return { found: last2?.record ?? null, path: last2?.path ?? null, ownerStates: mine.length, corrupt: corrupt2 };
}

// src/state/gc.ts
import { readdirSync as readdirSync4, statSync as statSync8 } from "node:fs";
import { join as join13 } from "node:path";
async function gcStates(opts) {
  if (!Number.isFinite(opts.ttlMs) || opts.ttlMs < 0) throw new LockstepError("BAD_INPUT", `invalid TTL ${opts.ttlMs}`);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const dir = stateDir({ runtime: rt });
  const now = opts.now ?? Date.now();
  const cutoff = now - opts.ttlMs;
  const result = { removed: [], kept: 0, corrupt: [], tempFiles: 0, dryRun: !!opts.dryRun };
  for (const e of listStates({ runtime: rt })) {
    if (!e.record) {
      result.corrupt.push(e.path);
      continue;
    }
    if (e.record.updatedAtMs >= cutoff) {
      result.kept++;
      continue;
    }
    if (opts.dryRun) {
      result.removed.push(e.id);
      continue;
    }
    const h = await acquireLock({ runtime: rt, name: stateLockName(e.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state gc ${e.id}` });
    try {
      const again = readStateFile(dir, e.id);
      if (again && again.updatedAtMs < cutoff && unlinkQuiet(e.path)) result.removed.push(e.id);
      else result.kept++;
    } finally {
      releaseLock(h);
    }
  }
  let names = [];
  try {
    names = readdirSync4(dir);
  } catch (e) {
    if (e.code !== "ENOENT") throw fsError(e, "read state directory", dir);
  }
  for (const f of names) {
    if (!f.startsWith(".tmp.")) continue;
    const pid = Number(f.split(".").at(-2));
    const path = join13(dir, f);
    let old = false;
    try {
      old = statSync8(path).mtimeMs < cutoff;
    } catch {
      continue;
    }
    if (old && !(Number.isInteger(pid) && pid > 0 && pidExists(pid))) {
      if (!opts.dryRun) unlinkQuiet(path);
      result.tempFiles++;
    }
  }
  return result;
}

// src/tasks/tasks.ts
import { linkSync as linkSync4, readdirSync as readdirSync5, readFileSync as readFileSync8, renameSync as renameSync4, writeFileSync as writeFileSync3 } from "node:fs";
import { join as join14 } from "node:path";

// src/tasks/scope.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var MATCH_OPTIONS = { dot: true, strictBrackets: true, flags: "s", windows: false };
var MAX_GLOBS = 256;
var MAX_GLOB_LENGTH = 1024;
var checked = /* @__PURE__ */ new Set();
function validateGlob(glob) {
  if (typeof glob === "string" && checked.has(glob)) return glob;
  if (typeof glob !== "string") throw new LockstepError("BAD_INPUT", `invalid glob ${JSON.stringify(glob)}: globs are strings`);
  let g = glob;
  while (g.startsWith("./")) g = g.slice(2);
  const show = JSON.stringify(glob);
  if (g.length === 0) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: it is empty`);
  if (g.length > MAX_GLOB_LENGTH) throw new LockstepError("BAD_INPUT", `invalid glob ${show.slice(0, 60)}\u2026: longer than ${MAX_GLOB_LENGTH} characters`);
  if (g.includes("\0")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: it contains a NUL byte`);
  if (g.startsWith("/")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: globs are relative to the repository's top level, not absolute`, { hint: `drop the leading /: ${JSON.stringify(g.replace(/^\/+/, ""))}` });
  if (g.startsWith("!")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: negated globs are not supported in a scope; list what the task may touch`);
  if (g.split("/").some((seg) => seg === "..")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: '..' would reach outside the repository`);
  try {
    (0, import_picomatch.default)(g, MATCH_OPTIONS);
  } catch (e) {
    throw new LockstepError("BAD_INPUT", `invalid glob ${show}: ${e.message}`);
  }
  if (g === glob && checked.size < 1e4) checked.add(g);
  return g;
}
function validateGlobs(globs) {
  if (globs.length > MAX_GLOBS) throw new LockstepError("BAD_INPUT", `too many globs (${globs.length}); at most ${MAX_GLOBS}`);
  const out = [];
  for (const g of globs) {
    const v = validateGlob(g);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
var cache2 = /* @__PURE__ */ new Map();
function compileScope(globs) {
  const key = globs.join("\0");
  let m = cache2.get(key);
  if (!m) {
    if (globs.length === 0) m = () => false;
    else {
      const inner = (0, import_picomatch.default)([...globs], MATCH_OPTIONS);
      m = (p) => inner(p);
    }
    if (cache2.size > 1e3) cache2.clear();
    cache2.set(key, m);
  }
  return m;
}
function classifyPaths(opts) {
  const own2 = opts.task ? compileScope(opts.task.scope) : () => false;
  const shared = compileScope([...opts.task?.shared ?? [], ...opts.shared ?? []]);
  const others = opts.others.filter((t) => t.id !== opts.task?.id).map((t) => ({ id: t.id, match: compileScope(t.scope) }));
  const out = { own: [], shared: [], otherTask: [], outside: [] };
  for (const p of opts.paths) {
    if (own2(p)) out.own.push(p);
    else if (shared(p)) out.shared.push(p);
    else {
      const owner = others.find((o) => o.match(p));
      if (owner) out.otherTask.push({ path: p, task: owner.id });
      else out.outside.push(p);
    }
  }
  return out;
}
function showPath(p) {
  return /^[\w./@+-]+$/.test(p) ? p : JSON.stringify(p);
}

// src/tasks/tasks.ts
var TASK_ID = /^[A-Za-z0-9._-]{1,64}$/;
function validateTaskId(id) {
  if (typeof id !== "string" || !TASK_ID.test(id) || id === "." || id === "..") {
    throw new LockstepError("BAD_NAME", `invalid task id ${JSON.stringify(id)}: use 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (not "." or "..")`);
  }
  return id;
}
function tasksDir(rt) {
  return join14(rt.root, "tasks");
}
function taskPath(rt, id) {
  return join14(tasksDir(rt), `${id}.json`);
}
function runtimeOf(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function parseTask(text, path, id) {
  const corrupt2 = (why) => new LockstepError("CORRUPT_STATE", `the task file of task ${id} at ${path} is damaged (${why})`, {
    hint: `look at it, then remove it: lockstep task end ${id}; start the task again with lockstep task start ${id} --scope \u2026`,
    detail: { task: id, path }
  });
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt2(text.length === 0 ? "empty" : "not JSON");
  }
  const t = raw;
  if (!t || typeof t !== "object" || t.id !== id) throw corrupt2("its id does not match its file name");
  if (!Array.isArray(t.scope) || !t.scope.every((g) => typeof g === "string")) throw corrupt2('"scope" is not a list of globs');
  if (!Array.isArray(t.shared) || !t.shared.every((g) => typeof g === "string")) throw corrupt2('"shared" is not a list of globs');
  try {
    validateGlobs(t.scope);
    validateGlobs(t.shared);
  } catch (e) {
    throw corrupt2(e.message);
  }
  return {
    v: 1,
    id,
    scope: t.scope,
    shared: t.shared,
    startedAt: typeof t.startedAt === "string" ? t.startedAt : "",
    startedBy: t.startedBy && typeof t.startedBy === "object" ? t.startedBy : { pid: 0, host: "", agent: null }
  };
}
function readTaskFile(rt, id) {
  const path = taskPath(rt, id);
  let text;
  try {
    text = readFileSync8(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw fsError(e, "read task file", path);
  }
  return parseTask(text, path, id);
}
function sameGlobs(a, b) {
  return a.length === b.length && a.every((g, i) => g === b[i]);
}
function startTask(opts) {
  const id = validateTaskId(opts.id);
  if (!Array.isArray(opts.scope) || opts.scope.length === 0) {
    throw new LockstepError("BAD_INPUT", `task ${id} needs a scope: at least one --scope GLOB naming what it may commit`);
  }
  const scope = validateGlobs(opts.scope);
  const shared = validateGlobs(opts.shared ?? []);
  const rt = runtimeOf(opts);
  const dir = tasksDir(rt);
  ensureDir(dir);
  const existing = readTaskFile(rt, id);
  if (existing && sameGlobs(existing.scope, scope) && sameGlobs(existing.shared, shared)) return existing;
  if (existing && !opts.replace) {
    throw new LockstepError("CONFLICT", `task ${id} is already active with another scope (${existing.scope.join(" ")})`, {
      hint: `end it first (lockstep task end ${id}) or replace its scope: lockstep task start ${id} --replace --scope \u2026`,
      detail: { task: existing }
    });
  }
  const task = {
    v: 1,
    id,
    scope,
    shared,
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    startedBy: { pid: process.pid, host: hostId(), agent: opts.agent ?? null }
  };
  const path = taskPath(rt, id);
  const tmp = tempPathFor(path);
  try {
    writeFileSync3(tmp, JSON.stringify(task, null, 2) + "\n", { flag: "wx" });
    if (existing) renameSync4(tmp, path);
    else {
      try {
        linkSync4(tmp, path);
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
        const now = readTaskFile(rt, id);
        if (now && sameGlobs(now.scope, scope) && sameGlobs(now.shared, shared)) return now;
        throw new LockstepError("CONFLICT", `task ${id} was started at the same moment with another scope`, { hint: `lockstep task list` });
      }
    }
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    throw fsError(e, "write task file", path);
  } finally {
    unlinkQuiet(tmp);
  }
  appendEvent(rt.root, "task_start", { task: id, scope, shared, replaced: Boolean(existing) });
  return task;
}
function endTask(opts) {
  const id = validateTaskId(opts.id);
  const rt = runtimeOf(opts);
  const path = taskPath(rt, id);
  let task = null;
  try {
    task = readTaskFile(rt, id);
    if (!task) {
      throw new LockstepError("NOT_FOUND", `no active task ${id}`, { hint: "see the active tasks: lockstep task list" });
    }
  } catch (e) {
    if (!(e instanceof LockstepError) || e.code !== "CORRUPT_STATE") throw e;
  }
  if (!unlinkQuiet(path)) throw new LockstepError("NOT_FOUND", `no active task ${id}`, { hint: "see the active tasks: lockstep task list" });
  appendEvent(rt.root, "task_end", { task: id });
  return { id, task };
}
function getTask(opts) {
  const id = validateTaskId(opts.id);
  return readTaskFile(runtimeOf(opts), id);
}
function listTasks(opts = {}) {
  const rt = runtimeOf(opts);
  let names;
  try {
    names = readdirSync5(tasksDir(rt));
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read", tasksDir(rt));
  }
  const out = [];
  for (const n of names.sort()) {
    if (!n.endsWith(".json")) continue;
    const id = n.slice(0, -5);
    if (!TASK_ID.test(id)) continue;
    const t = readTaskFile(rt, id);
    if (t) out.push(t);
  }
  return out;
}

// src/tasks/commit.ts
import { spawn as spawn2 } from "node:child_process";
import { copyFileSync as copyFileSync2, existsSync as existsSync5, readdirSync as readdirSync7, statSync as statSync10, writeFileSync as writeFileSync6 } from "node:fs";
import { isAbsolute, join as join19, relative as relative2, resolve as resolve5, sep as sep2 } from "node:path";

// src/config/config.ts
import { readFileSync as readFileSync9 } from "node:fs";
import { join as join15 } from "node:path";
var CONFIG_FILE = "lockstep.config.json";
var DEFAULT_CONFIG = {
  lockTimeoutMs: DEFAULT_TIMEOUT_MS,
  leaseMs: DEFAULT_LEASE_MS,
  shared: [],
  requireTask: false,
  source: null
};
var KEYS = ["lockTimeout", "lease", "shared", "requireTask"];
function readText(path) {
  try {
    return readFileSync9(path, "utf8");
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw new LockstepError("ENVIRONMENT", `cannot read ${path}: ${e.message}`);
  }
}
function parseJson(text, path) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LockstepError("BAD_INPUT", `${path} is not valid JSON: ${e.message}`, { hint: `fix the file, or check it with: node -e 'JSON.parse(require("fs").readFileSync("${path}","utf8"))'` });
  }
}
function durationMs(value, where) {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return Math.round(value * 1e3);
  if (typeof value === "string") {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
    if (m) return Math.round(Number(m[1]) * { ms: 1, s: 1e3, m: 6e4, h: 36e5 }[m[2] ?? "s"]);
  }
  throw new LockstepError("BAD_INPUT", `${where}: expected a number of seconds or a duration such as "90s" or "2m", got ${JSON.stringify(value)}`);
}
function parseConfig(raw, where) {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new LockstepError("BAD_INPUT", `${where}: the lockstep configuration must be a JSON object, got ${Array.isArray(raw) ? "an array" : JSON.stringify(raw)}`);
  }
  const obj = raw;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) {
      throw new LockstepError("BAD_INPUT", `${where}: unknown key ${JSON.stringify(key)} (known keys: ${KEYS.join(", ")})`);
    }
  }
  const cfg = { ...DEFAULT_CONFIG, shared: [], source: where };
  if (obj.lockTimeout !== void 0) cfg.lockTimeoutMs = durationMs(obj.lockTimeout, `${where}: key "lockTimeout"`);
  if (obj.lease !== void 0) {
    cfg.leaseMs = durationMs(obj.lease, `${where}: key "lease"`);
    if (cfg.leaseMs < 1e3) throw new LockstepError("BAD_INPUT", `${where}: key "lease" must be at least 1 s, got ${JSON.stringify(obj.lease)}`);
  }
  if (obj.shared !== void 0) {
    if (!Array.isArray(obj.shared) || !obj.shared.every((g) => typeof g === "string")) {
      throw new LockstepError("BAD_INPUT", `${where}: key "shared" must be an array of glob strings, got ${JSON.stringify(obj.shared)}`);
    }
    try {
      cfg.shared = validateGlobs(obj.shared);
    } catch (e) {
      if (e instanceof LockstepError) throw new LockstepError("BAD_INPUT", `${where}: key "shared": ${e.message}`);
      throw e;
    }
  }
  if (obj.requireTask !== void 0) {
    if (typeof obj.requireTask !== "boolean") throw new LockstepError("BAD_INPUT", `${where}: key "requireTask" must be true or false, got ${JSON.stringify(obj.requireTask)}`);
    cfg.requireTask = obj.requireTask;
  }
  return cfg;
}
function loadConfig(opts) {
  const filePath = join15(opts.topLevel, CONFIG_FILE);
  const pkgPath = join15(opts.topLevel, "package.json");
  const fileText = readText(filePath);
  const pkgText = readText(pkgPath);
  let fromPkg;
  if (pkgText !== null) {
    const pkg = parseJson(pkgText, pkgPath);
    if (pkg && typeof pkg === "object" && !Array.isArray(pkg)) fromPkg = pkg.lockstep;
  }
  if (fileText !== null && fromPkg !== void 0) {
    throw new LockstepError("BAD_INPUT", `lockstep is configured twice: in ${filePath} and in the "lockstep" key of ${pkgPath}`, {
      hint: "keep one of them"
    });
  }
  if (fileText !== null) return parseConfig(parseJson(fileText, filePath), filePath);
  if (fromPkg !== void 0) return parseConfig(fromPkg, `${pkgPath} "lockstep"`);
  return { ...DEFAULT_CONFIG, shared: [] };
}

// src/tasks/fence.ts
import { linkSync as linkSync5, readFileSync as readFileSync10, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join16 } from "node:path";

// src/tasks/trailers.ts
var TRAILER_TASK = "Lockstep-Task";
var TRAILER_SCOPE = "Lockstep-Scope";
var TRAILER_SHARED = "Lockstep-Shared";
var TRAILER_FENCE = "Lockstep-Fence";
function encodeGlobs(globs) {
  return JSON.stringify(globs).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function formatFence(token, counter) {
  return counter ? `${token}@${counter}` : String(token);
}
function trailerArgs(t) {
  const lines = [`${TRAILER_TASK}: ${t.task}`, `${TRAILER_SCOPE}: ${encodeGlobs(t.scope)}`];
  if (t.shared.length) lines.push(`${TRAILER_SHARED}: ${encodeGlobs(t.shared)}`);
  lines.push(`${TRAILER_FENCE}: ${t.fence}`);
  for (const l of lines) {
    if (/[\r\n]/.test(l)) throw new LockstepError("BAD_INPUT", `a trailer may not span lines: ${JSON.stringify(l)}`);
  }
  return lines.flatMap((l) => ["--trailer", l]);
}

// src/tasks/fence.ts
var ID2 = /^[a-f0-9]{12}$/;
function fenceCounterId(root) {
  const path = join16(root, "fence-id");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const id = readFileSync10(path, "utf8").trim();
      if (ID2.test(id)) return id;
      break;
    } catch {
    }
    const tmp = tempPathFor(path);
    try {
      writeFileSync4(tmp, `${randomHex(6)}
`);
      linkSync5(tmp, path);
    } catch {
    } finally {
      unlinkQuiet(tmp);
    }
  }
  return "unknown";
}
function fenceValue(root, token) {
  return formatFence(token, fenceCounterId(root));
}

// src/tasks/index-retry.ts
import { setTimeout as sleep2 } from "node:timers/promises";

// src/git/git-locks.ts
import { execFileSync as execFileSync2 } from "node:child_process";
import { linkSync as linkSync6, lstatSync, readdirSync as readdirSync6, readFileSync as readFileSync11, readlinkSync, realpathSync as realpathSync3, renameSync as renameSync5, statSync as statSync9, unlinkSync as unlinkSync4 } from "node:fs";
import { basename as basename2, dirname as dirname4, join as join17, relative, resolve as resolve4, sep } from "node:path";
function findGitLockFiles(commonDir) {
  const out = [];
  const lockFilesIn = (dir) => {
    for (const e of safeReaddir(dir)) if (e.isFile() && e.name.endsWith(".lock")) out.push(join17(dir, e.name));
  };
  const walkRefs = (dir, depth) => {
    if (depth > 32) return;
    for (const e of safeReaddir(dir)) {
      if (e.isDirectory()) walkRefs(join17(dir, e.name), depth + 1);
      else if (e.isFile() && e.name.endsWith(".lock")) out.push(join17(dir, e.name));
    }
  };
  lockFilesIn(commonDir);
  walkRefs(join17(commonDir, "refs"), 0);
  for (const w of safeReaddir(join17(commonDir, "worktrees"))) {
    if (!w.isDirectory()) continue;
    lockFilesIn(join17(commonDir, "worktrees", w.name));
    walkRefs(join17(commonDir, "worktrees", w.name, "refs"), 0);
  }
  return out.sort();
}
function safeReaddir(dir) {
  try {
    return readdirSync6(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}
function repositoryDirs(commonDir) {
  const dirs = [commonDir];
  if (basename2(commonDir) === ".git") dirs.push(dirname4(commonDir));
  for (const w of safeReaddir(join17(commonDir, "worktrees"))) {
    try {
      const dotGit = readFileSync11(join17(commonDir, "worktrees", w.name, "gitdir"), "utf8").trim();
      if (dotGit) dirs.push(dirname4(dotGit));
    } catch {
    }
  }
  return dirs;
}
var within = (dir, p) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);
var TICKS_PER_SECOND = 100;
function readProcFile(pid, file) {
  try {
    return readFileSync11(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return null;
  }
}
function readLink(p) {
  try {
    return readlinkSync(p);
  } catch {
    return null;
  }
}
function isDaemon(args) {
  return args.some((a) => a === "daemon" || a.endsWith("--daemon"));
}
function scanProcfs(repoDirs, lockPaths) {
  const processes = [];
  let pids;
  try {
    if (faultValue("process-listing-fails")) throw new Error("process listing failed (fault)");
    pids = readdirSync6("/proc");
  } catch {
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 };
  }
  for (const name of pids) {
    if (!/^[0-9]+$/.test(name)) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const stat = readProcStat(pid);
    if (!stat) continue;
    const { comm } = stat;
    const startTicks = Number(stat.start);
    if (!Number.isFinite(startTicks)) continue;
    const args = (readProcFile(pid, "cmdline") ?? "").split("\0").filter((a) => a !== "");
    const isGit = comm.startsWith("git") && !isDaemon(args);
    let mayUseRepo = true;
    if (isGit) {
      const cwd = readLink(`/proc/${pid}/cwd`);
      const env = readProcFile(pid, "environ");
      const inRepo = (p) => repoDirs.some((d) => within(d, p));
      const pointedHere = env !== null && env.split("\0").some((kv) => {
        const m = /^GIT_(?:DIR|WORK_TREE|COMMON_DIR|INDEX_FILE)=(.+)$/.exec(kv);
        return m !== null && (cwd === null || inRepo(resolve4(cwd, m[1])));
      });
      mayUseRepo = cwd === null || env === null || pointedHere || args.some((a) => a.startsWith("--git-dir") || a.startsWith("--work-tree")) || inRepo(cwd);
    }
    let open = null;
    const fds = readdirNames(`/proc/${pid}/fd`);
    if (fds) {
      open = /* @__PURE__ */ new Set();
      for (const fd of fds) {
        const target = readLink(`/proc/${pid}/fd/${fd}`);
        if (target !== null && lockPaths.has(target)) open.add(target);
      }
    }
    processes.push({ pid, startMs: startTicks * 1e3 / TICKS_PER_SECOND, isGit, mayUseRepo, command: args.join(" ").slice(0, 200) || comm, open });
  }
  const uptimeMs = Number(readFileSync11("/proc/uptime", "latin1").split(" ")[0] ?? "0") * 1e3;
  const now = Date.now();
  return { processes, fileTimeIn: (ctimeMs) => uptimeMs - (now - ctimeMs), slackMs: 50 };
}
function readdirNames(dir) {
  try {
    return readdirSync6(dir);
  } catch {
    return null;
  }
}
function scanPs() {
  const processes = [];
  let out;
  try {
    out = execFileSync2("ps", ["-A", "-o", "pid=,lstart=,comm="], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, LC_ALL: "C" } });
  } catch {
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 };
  }
  for (const line of out.split("\n")) {
    const m = /^\s*(\d+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]{8}\s+\d{4})\s+(.+)$/.exec(line);
    if (!m) continue;
    const pid = Number(m[1]);
    const started = Date.parse(m[2]);
    if (pid === process.pid || !Number.isFinite(started)) continue;
    const comm = basename2(m[3].trim());
    processes.push({ pid, startMs: started, isGit: comm.startsWith("git"), mayUseRepo: true, command: m[3].trim(), open: null });
  }
  return { processes, fileTimeIn: (ctimeMs) => ctimeMs, slackMs: 1500 };
}
function scanProcesses(repoDirs, lockPaths) {
  return processInspector().kind === "procfs" ? scanProcfs(repoDirs, lockPaths) : scanPs();
}
function canonical(path) {
  try {
    return join17(realpathSync3.native(dirname4(path)), basename2(path));
  } catch {
    return path;
  }
}
function statOrNull(path) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
function judge(path, st, commonDir, scan2) {
  const holders = [];
  const changedAt = scan2.fileTimeIn(st.ctimeMs);
  const real2 = canonical(path);
  if (scan2.processes === null) holders.push({ pid: 0, command: "the processes of this machine could not be listed", reason: "unknown" });
  for (const p of scan2.processes ?? []) {
    if (p.open?.has(real2)) holders.push({ pid: p.pid, command: p.command, reason: "open" });
    else if (p.isGit && p.mayUseRepo && p.startMs <= changedAt + scan2.slackMs) holders.push({ pid: p.pid, command: p.command, reason: "older" });
  }
  if (faultValue("ignore-git-lock-holders")) holders.length = 0;
  return {
    path,
    name: relative(commonDir, path),
    ageMs: Math.max(0, Date.now() - st.ctimeMs),
    state: holders.length ? "in-use" : "stale",
    holders,
    dev: st.dev,
    ino: st.ino,
    ctimeMs: st.ctimeMs
  };
}
function gitLockFiles(commonDir, paths = findGitLockFiles(commonDir)) {
  const scanFor = (files) => scanProcesses(repositoryDirs(commonDir).map(canonical), new Set(files.map(canonical)));
  const listFirst = faultValue("list-processes-first") > 0;
  const early = listFirst ? scanFor(paths) : null;
  if (listFirst) faultPauseSync("pause-between-look-and-list");
  const found = paths.map((path) => ({ path, st: statOrNull(path) })).filter((f) => f.st !== null);
  if (!listFirst) faultPauseSync("pause-between-look-and-list");
  if (!found.length) return [];
  const scan2 = early ?? scanFor(found.map((f) => f.path));
  return found.map((f) => judge(f.path, f.st, commonDir, scan2));
}
function removeStaleGitLock(lock) {
  if (lock.state !== "stale") return "in-use";
  let st;
  try {
    st = lstatSync(lock.path);
  } catch {
    return "gone";
  }
  if (st.dev !== lock.dev || st.ino !== lock.ino || st.ctimeMs !== lock.ctimeMs) return "changed";
  const aside = `${lock.path}.lockstep-stale-${process.pid}-${randomHex(4)}`;
  try {
    renameSync5(lock.path, aside);
  } catch (e) {
    if (e.code === "ENOENT") return "gone";
    throw fsError(e, "move aside the stale lock file", lock.path);
  }
  try {
    const moved = statSync9(aside);
    if (moved.dev !== lock.dev || moved.ino !== lock.ino) {
      try {
        linkSync6(aside, lock.path);
      } catch {
      }
      unlinkSync4(aside);
      return "changed";
    }
    unlinkSync4(aside);
  } catch (e) {
    if (e.code === "ENOENT") return "gone";
    throw fsError(e, "remove the stale lock file (moved aside as)", aside);
  }
  return "cleared";
}
function clearIfStale(commonDir, path) {
  const [lock] = gitLockFiles(commonDir, [path]);
  if (!lock) return { outcome: "gone", lock: null };
  return { outcome: removeStaleGitLock(lock), lock };
}
function recordClearedGitLock(root, lock, by) {
  appendEvent(root, "git_lock_cleared", { lock: lock.name, path: lock.path, ageMs: Math.round(lock.ageMs), by });
}
function clearStaleLockNamedIn(stderr, commonDir, root, by) {
  const path = lockFileInError(stderr, commonDir);
  if (!path) return false;
  const { outcome, lock } = clearIfStale(commonDir, path);
  if (outcome !== "cleared" || !lock) return false;
  recordClearedGitLock(root, lock, by);
  return true;
}
function checkGitLocks(opts = {}) {
  const rt = openRuntime({ cwd: opts.cwd, allowBare: true });
  const commonDir = rt.repo?.commonDir;
  if (!commonDir) throw new LockstepError("NOT_A_REPO", `${opts.cwd ?? process.cwd()} is not inside a git repository`);
  const locks = gitLockFiles(commonDir);
  const cleared = [];
  const stale = [];
  for (const l of locks) {
    if (l.state !== "stale") continue;
    const outcome = opts.clear ? removeStaleGitLock(l) : null;
    if (outcome === "cleared") {
      cleared.push(l);
      recordClearedGitLock(rt.root, l, opts.by ?? "lockstep git-locks --clear");
    } else if (outcome !== "gone") stale.push(l);
  }
  return { commonDir, locks, cleared, stale };
}
function lockFileInError(stderr, commonDir) {
  const m = /Unable to create '([^'\n]+\.lock)': File exists/.exec(stderr);
  if (!m) return null;
  const path = resolve4(m[1]);
  const dir = canonical(commonDir);
  return within(commonDir, path) || within(dir, canonical(path)) ? path : null;
}

// src/tasks/index-retry.ts
function indexLocked(r) {
  return r.code !== 0 && /index\.lock/.test(r.stderr);
}
var JUDGE_EVERY_MS = 1e3;
async function withIndexRetry(run, deadlineMs, stale) {
  let nextJudge = 0;
  for (let delay = 5; ; delay = Math.min(100, delay * 2)) {
    const r = await run();
    if (!indexLocked(r)) return r;
    if (stale && Date.now() >= nextJudge) {
      nextJudge = Date.now() + JUDGE_EVERY_MS;
      const { outcome, lock } = clearIfStale(stale.commonDir, stale.lock);
      if (outcome === "cleared" && lock) {
        await stale.onCleared(lock);
        continue;
      }
    }
    if (Date.now() > deadlineMs) return r;
    await sleep2(delay);
  }
}

// src/tasks/orphans.ts
import { copyFileSync, linkSync as linkSync7, lstatSync as lstatSync2, readlinkSync as readlinkSync2, rmSync, writeFileSync as writeFileSync5 } from "node:fs";
import { join as join18 } from "node:path";

// src/tasks/git-paths.ts
var COMMON = ["--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv"];
var STAGED_ARGS = ["diff", "--cached", ...COMMON, "--no-relative", "--ita-invisible-in-index"];
function splitNul(raw) {
  const parts = raw.split("\0");
  if (parts.length && parts[parts.length - 1] === "") parts.pop();
  return parts;
}
async function stagedPaths(git, env) {
  const raw = await git.exec(STAGED_ARGS, { readOnly: true, env });
  return { raw, paths: splitNul(raw) };
}
async function headCommit(git) {
  const r = await git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"], { readOnly: true });
  return r.code === 0 ? r.stdout.trim() : null;
}

// src/tasks/orphans.ts
var ORPHANS_DIR = "orphans";
function fieldsThenPath(rec, n) {
  let at = 0;
  const fields = [];
  for (let k = 0; k < n; k++) {
    const sp = rec.indexOf(" ", at);
    if (sp < 0) return null;
    fields.push(rec.slice(at, sp));
    at = sp + 1;
  }
  return { fields, path: rec.slice(at) };
}
function parseStatusV2(raw) {
  const byPath = /* @__PURE__ */ new Map();
  const recs = raw.split("\0");
  for (let k = 0; k < recs.length; k++) {
    const rec = recs[k];
    if (rec === "") continue;
    const kind = rec[0];
    if (kind === "1" || kind === "2") {
      const p = fieldsThenPath(rec, kind === "1" ? 8 : 9);
      if (kind === "2") k++;
      if (!p) continue;
      const [, xy, sub, mH, mI] = p.fields;
      if (sub !== "N...") continue;
      const prev = byPath.get(p.path);
      byPath.set(p.path, {
        path: p.path,
        inHead: mH !== "000000",
        inIndex: mI !== "000000",
        indexDiffers: xy[0] !== ".",
        worktreeDiffers: xy[1] !== "." || (prev?.worktreeDiffers ?? false)
      });
    } else if (kind === "?") {
      const path = rec.slice(2);
      const prev = byPath.get(path);
      byPath.set(path, prev ? { ...prev, worktreeDiffers: true } : { path, inHead: false, inIndex: false, indexDiffers: false, worktreeDiffers: true });
    }
  }
  return [...byPath.values()];
}
function sanitizePath(p) {
  const s = p.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "");
  return (s.length > 100 ? s.slice(-100) : s) || "path";
}
function lstatQuiet(p) {
  try {
    return lstatSync2(p);
  } catch {
    return null;
  }
}
function publish(tmp, dir, base) {
  try {
    for (let n = 1; ; n++) {
      const target = join18(dir, n === 1 ? base : `${base}-${n}`);
      try {
        linkSync7(tmp, target);
        return target;
      } catch (e) {
        if (e.code !== "EEXIST" || n > 1e3) throw e;
      }
    }
  } finally {
    unlinkQuiet(tmp);
  }
}
async function moveAsideForeignChanges(opts) {
  const { git, top } = opts;
  const candidates = opts.paths.filter((p) => {
    if (p === ".") return true;
    const st = lstatQuiet(join18(top, p));
    if (st?.isDirectory()) return true;
    return classifyPaths({ task: opts.task, others: [], shared: opts.shared, paths: [p] }).shared.length > 0;
  });
  if (candidates.length === 0) return [];
  const status = await git.run(["--literal-pathspecs", "status", "--porcelain=v2", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=all", "--", ...candidates], { readOnly: true });
  if (status.code !== 0) throw new LockstepError("GIT_FAILED", `checking ${candidates.map(showPath).join(" ")} for changes left by others (git status) failed: ${status.stderr.trim()}`);
  const dirty = parseStatusV2(status.stdout);
  if (dirty.length === 0) return [];
  const sharedSet = new Set(classifyPaths({ task: opts.task, others: opts.others, shared: opts.shared, paths: dirty.map((d) => d.path) }).shared);
  const found = dirty.filter((d) => sharedSet.has(d.path) && !lstatQuiet(join18(top, d.path))?.isDirectory());
  if (found.length === 0) return [];
  const dir = join18(opts.root, ORPHANS_DIR);
  ensureDir(dir);
  const stamp = (/* @__PURE__ */ new Date()).toISOString().replace(/[-:]/g, "");
  const prefix = `${stamp}-${opts.task.id}-`;
  const fromTask = opts.handle.tookOver?.task ?? null;
  const base = found.some((d) => d.inHead) ? await headCommit(git) : null;
  const indexCopies = found.filter((d) => d.inIndex && d.indexDiffers && d.worktreeDiffers);
  const exportDir = join18(dir, `.export.${process.pid}.${randomHex(4)}`);
  const out = [];
  try {
    if (indexCopies.length) {
      const r = await git.run(["checkout-index", "-f", "-z", "--stdin", `--prefix=${exportDir}/`], { readOnly: true, input: indexCopies.map((d) => `${d.path}\0`).join("") });
      if (r.code !== 0) throw new LockstepError("GIT_FAILED", `saving the staged versions of ${indexCopies.map((d) => showPath(d.path)).join(" ")} (git checkout-index) failed: ${r.stderr.trim()}; nothing committed`);
    }
    for (const d of found) {
      const name = prefix + sanitizePath(d.path);
      const abs = join18(top, d.path);
      const st = lstatQuiet(abs);
      const exported = indexCopies.includes(d) ? join18(exportDir, d.path) : null;
      let savedTo = null;
      let stagedSavedTo = null;
      if (st?.isFile() || st?.isSymbolicLink()) {
        const tmp = tempPathFor(join18(dir, name));
        if (st.isSymbolicLink()) writeFileSync5(tmp, readlinkSync2(abs), { flag: "wx" });
        else copyFileSync(abs, tmp);
        savedTo = publish(tmp, dir, name);
        if (exported) stagedSavedTo = publish(exported, dir, `${name}.staged`);
      } else if (exported) {
        savedTo = publish(exported, dir, name);
      }
      out.push({ path: d.path, savedTo, stagedSavedTo, deleted: savedTo === null, base: d.inHead ? base : null, fromTask });
    }
  } finally {
    rmSync(exportDir, { recursive: true, force: true });
  }
  const saved = () => out.filter((o) => o.savedTo).map((o) => `${showPath(o.path)} \u2192 ${o.savedTo}`).join(", ");
  const fail = (what, stderr) => new LockstepError("GIT_FAILED", `moving aside the change left in ${found.map((d) => showPath(d.path)).join(" ")} failed (${what}: ${stderr.trim()}): nothing committed${saved() ? `; saved: ${saved()}` : ""}`, {
    hint: "run the command again once git is done (another git process may hold .git/index.lock)"
  });
  const fromHead = found.filter((d) => d.inHead).map((d) => `${d.path}\0`).join("");
  if (fromHead) {
    const r = await withIndexRetry(() => git.run(["--literal-pathspecs", "checkout", "-q", "HEAD", "--pathspec-from-file=-", "--pathspec-file-nul"], { input: fromHead }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail("git checkout HEAD", r.stderr);
  }
  const notInHead = found.filter((d) => !d.inHead);
  const indexed = notInHead.filter((d) => d.inIndex).map((d) => `${d.path}\0`).join("");
  if (indexed) {
    const r = await withIndexRetry(() => git.run(["update-index", "-z", "--force-remove", "--stdin"], { input: indexed }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail("git update-index --force-remove", r.stderr);
  }
  for (const d of notInHead) unlinkQuiet(join18(top, d.path));
  for (const o of out) {
    appendEvent(opts.root, "orphaned_change", { task: opts.task.id, path: o.path, savedTo: o.savedTo, stagedSavedTo: o.stagedSavedTo, deleted: o.deleted, base: o.base, fromTask, token: opts.handle.token });
  }
  return out;
}

// src/tasks/commit.ts
var FENCE_PLACEHOLDER = "0@lockstepfenceplaceholder";
var FORWARDED2 = ["SIGINT", "SIGTERM", "SIGHUP"];
function repoRelativePaths(paths, cwd, top) {
  if (paths.length === 0) throw new LockstepError("BAD_INPUT", "no paths to commit: name the files after --, e.g. lockstep commit --task 7 -m msg -- TODO.md specs/7/plan.md");
  const out = [];
  for (const p of paths) {
    if (typeof p !== "string" || p === "") throw new LockstepError("BAD_INPUT", "an empty path was given");
    if (p.includes("\0")) throw new LockstepError("BAD_INPUT", `path ${JSON.stringify(p)} contains a NUL byte`);
    const abs = resolve5(cwd, p);
    const rel = relative2(top, abs);
    if (rel === ".." || rel.startsWith(`..${sep2}`) || isAbsolute(rel)) {
      throw new LockstepError("BAD_INPUT", `path ${JSON.stringify(p)} is outside the worktree ${top}`);
    }
    const posix = rel === "" ? "." : rel.split(sep2).join("/");
    if (posix === ".git" || posix.startsWith(".git/")) throw new LockstepError("BAD_INPUT", `path ${JSON.stringify(p)} is inside .git`);
    if (!out.includes(posix)) out.push(posix);
  }
  return out;
}
function violationError(task, c) {
  const lines = [];
  for (const o of c.otherTask) lines.push(`${showPath(o.path)} belongs to active task ${o.task}`);
  for (const p of c.outside) lines.push(`${showPath(p)} is outside task ${task.id}'s scope (${task.scope.join(" ")})`);
  return new LockstepError("VIOLATION", `nothing committed for task ${task.id}: ${lines.join("; ")}`, {
    hint: `commit only paths in the task's scope, declare them shared (lockstep task start ${task.id} --replace --scope \u2026 --shared GLOB), or widen the scope`,
    detail: { task: task.id, otherTask: c.otherTask, outside: c.outside }
  });
}
function gitFailed(what, r) {
  const msg = (r.stderr || r.stdout).trim();
  return new LockstepError("GIT_FAILED", `${what} failed: ${msg || `git exited ${r.code}`}`, { detail: { code: r.code, stderr: r.stderr } });
}
function runChild(child) {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => stdout += d);
  child.stderr?.on("data", (d) => stderr += d);
  return new Promise((r) => {
    let error = null;
    child.once("error", (e) => {
      error = e;
    });
    child.once("close", (code, signal) => r({ code, signal, error, stdout, stderr }));
  });
}
async function commitTask(opts) {
  const taskId = validateTaskId(opts.task);
  if (typeof opts.message !== "string" || opts.message.trim() === "") {
    throw new LockstepError("BAD_INPUT", "an empty commit message: give one with -m MSG");
  }
  if (opts.message.includes("\0")) throw new LockstepError("BAD_INPUT", "the commit message contains a NUL byte");
  const rt = openRuntime({ cwd: opts.cwd });
  const top = rt.repo?.topLevel;
  if (!top || !rt.repo) throw new LockstepError("ENVIRONMENT", `${opts.cwd} has no worktree: lockstep commit runs in a checkout`);
  const gitDir = rt.repo.gitDir;
  const task = getTask({ runtime: rt, id: taskId });
  if (!task) {
    throw new LockstepError("NOT_FOUND", `no active task ${taskId}`, { hint: `start it first: lockstep task start ${taskId} --scope GLOB\u2026` });
  }
  const paths = repoRelativePaths(opts.paths, opts.cwd, top);
  const config = loadConfig({ topLevel: top });
  const early = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: paths.filter((p) => !isDirectory(join19(top, p))) });
  if (early.otherTask.length || early.outside.length) throw violationError(task, early);
  for (const f of ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"]) {
    if (existsSync5(join19(gitDir, f))) {
      throw new LockstepError("CONFLICT", `a ${f === "MERGE_HEAD" ? "merge" : f === "CHERRY_PICK_HEAD" ? "cherry-pick" : "revert"} is in progress in this worktree: lockstep commit makes ordinary commits only`, {
        hint: "conclude it first (git commit, or git merge --abort / git cherry-pick --abort)"
      });
    }
  }
  const git = createGit(top);
  const shared = [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))];
  const template = await git.run(["interpret-trailers", "--if-exists", "replace", ...trailerArgs({ task: taskId, scope: task.scope, shared, fence: FENCE_PLACEHOLDER })], {
    input: opts.message.endsWith("\n") ? opts.message : `${opts.message}
`
  });
  if (template.code !== 0) throw gitFailed("adding the trailers (git interpret-trailers)", template);
  const fenceLine = `${TRAILER_FENCE}: ${FENCE_PLACEHOLDER}`;
  const at = template.stdout.lastIndexOf(fenceLine);
  if (at < 0) throw new LockstepError("GIT_FAILED", "git interpret-trailers did not add the Lockstep-Fence trailer");
  const env = opts.env ?? process.env;
  const handle = await acquireLock({
    runtime: rt,
    cwd: top,
    name: "commit",
    task: taskId,
    agent: opts.agent ?? env.LOCKSTEP_AGENT ?? null,
    timeoutMs: opts.timeoutMs ?? config.lockTimeoutMs,
    leaseMs: opts.leaseMs ?? config.leaseMs,
    command: `lockstep commit --task ${taskId}`,
    onWait: opts.onWait,
    env
    // Our own lock: an inherited token (we run inside run-locked) is honoured.
  });
  const lockedEnv = {
    LOCKSTEP_TASK: taskId,
    LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle, env),
    LOCKSTEP_FENCE: String(handle.token)
  };
  const tmpDir = join19(rt.root, "tmp");
  ensureDir(tmpDir);
  sweepTmp(tmpDir);
  const tmpIndex = join19(tmpDir, `index.${process.pid}.${randomHex(4)}`);
  const msgFile = `${tmpIndex}.msg`;
  let current = null;
  let interrupted = null;
  const forward = (sig) => () => {
    interrupted = sig;
    current?.kill(sig);
  };
  const handlers = FORWARDED2.map((sig) => [sig, forward(sig)]);
  for (const [sig, h] of handlers) process.on(sig, h);
  const deadline = () => Date.now() + 1e4;
  const staleIndexLock = {
    commonDir: rt.repo.commonDir,
    lock: join19(gitDir, "index.lock"),
    onCleared: (l) => recordClearedGitLock(rt.root, l, `lockstep commit --task ${taskId}`)
  };
  const spawnOwned = async (cmd, args, extraEnv, stdio) => {
    if (interrupted) throw new LockstepError("ENVIRONMENT", `interrupted (${interrupted}): nothing committed`);
    const child = spawn2(cmd, args, { cwd: top, env: { ...env, ...lockedEnv, ...extraEnv }, stdio: stdio === "inherit" ? "inherit" : ["ignore", stdio, stdio] });
    current = child;
    if (child.pid !== void 0) {
      try {
        updateLock(handle, { addOwners: [child.pid] });
      } catch {
      }
    }
    const r = await runChild(child);
    current = null;
    return r;
  };
  let failed = false;
  try {
    const orphaned = opts.edit !== void 0 ? await moveAsideForeignChanges({ git, top, root: rt.root, task, others: listTasks({ runtime: rt }), shared: config.shared, paths, handle, deadlineMs: deadline(), staleIndexLock }) : [];
    if (opts.edit !== void 0) {
      const r2 = await spawnOwned("/bin/sh", ["-c", opts.edit], {}, opts.editStdio ?? "inherit");
      if (r2.error || r2.code !== 0) {
        const why = r2.error ? r2.error.message : r2.signal ? `killed by ${r2.signal}` : `exit ${r2.code}`;
        throw new LockstepError("COMMAND_FAILED", `the edit command failed (${why}): nothing committed`, {
          hint: "fix the command; it runs with sh -c at the top of the worktree",
          detail: { exitCode: r2.code, signal: r2.signal, stderr: r2.stderr.slice(-2e3) }
        });
      }
    }
    const idxEnv = { GIT_INDEX_FILE: tmpIndex };
    const realIndex = join19(gitDir, "index");
    if (existsSync5(realIndex)) copyFileSync2(realIndex, tmpIndex);
    let r = await git.run(["read-tree", "-m", "HEAD"], { env: idxEnv });
    if (r.code !== 0) {
      const head = await headCommit(git);
      r = await git.run(head ? ["read-tree", head] : ["read-tree", "--empty"], { env: idxEnv });
    }
    if (r.code !== 0) throw gitFailed("preparing the commit (git read-tree)", r);
    await refuseSparseMissing(git, top, paths);
    r = await git.run(["--literal-pathspecs", "add", "--all", "--", ...paths], { env: idxEnv });
    if (r.code !== 0) {
      if (/did not match any files/.test(r.stderr)) {
        throw new LockstepError("BAD_INPUT", `nothing to stage: ${r.stderr.trim().replace(/^fatal: /, "")} (not in the worktree and not tracked)`, { hint: "check the paths: they are relative to the current directory" });
      }
      throw gitFailed(`staging ${paths.map(showPath).join(" ")} (git add)`, r);
    }
    const staged = await stagedPaths(git, idxEnv);
    if (staged.paths.length === 0) {
      throw new LockstepError("BAD_INPUT", `nothing to commit: ${paths.map(showPath).join(" ")} ${paths.length > 1 ? "have" : "has"} no changes`, { hint: "check git status" });
    }
    const classes = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: staged.paths });
    if (classes.otherTask.length || classes.outside.length) throw violationError(task, classes);
    const fence = fenceValue(rt.root, handle.token);
    writeFileSync6(msgFile, template.stdout.slice(0, at) + `${TRAILER_FENCE}: ${fence}` + template.stdout.slice(at + fenceLine.length));
    const runCommit = () => spawnOwned("git", ["commit", "-q", "--cleanup=whitespace", "-F", msgFile], idxEnv, "pipe");
    let c = await runCommit();
    if (c.code !== 0 && clearStaleLockNamedIn(c.stderr, rt.repo.commonDir, rt.root, `lockstep commit --task ${taskId}`)) c = await runCommit();
    if (c.error || c.code !== 0) {
      const out = (c.stderr + c.stdout).trim();
      throw new LockstepError("GIT_FAILED", `git commit failed${c.signal ? ` (${c.signal})` : ""}: nothing committed${out ? `
${out}` : ""}`, { detail: { exitCode: c.code, stderr: c.stderr } });
    }
    const made2 = splitNul(await git.exec(["diff-tree", "-r", "--root", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "HEAD"], { readOnly: true }));
    const commit = made2[0] ?? "";
    const files = made2.slice(1);
    const warnings = [];
    const reset = await withIndexRetry(
      () => git.run(["--literal-pathspecs", "reset", "-q", commit, "--pathspec-from-file=-", "--pathspec-file-nul"], { input: staged.paths.map((p) => `${p}\0`).join("") }),
      deadline(),
      staleIndexLock
    );
    if (reset.code !== 0) {
      warnings.push({ kind: "index", paths: staged.paths, message: `committed, but the index could not be updated for these paths (${reset.stderr.trim()}); run: git reset -q -- PATHS` });
    }
    const fileSet = new Set(files);
    const stagedSet = new Set(staged.paths);
    const extra = files.filter((p) => !stagedSet.has(p));
    const missing = staged.paths.filter((p) => !fileSet.has(p));
    if (extra.length) warnings.push({ kind: "extra", paths: extra, message: "in the commit but not staged by lockstep commit" });
    if (missing.length) warnings.push({ kind: "missing", paths: missing, message: "staged but not in the commit" });
    const after = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: files });
    if (after.outside.length) warnings.push({ kind: "outside", paths: after.outside, message: "outside the task's scope" });
    if (after.otherTask.length) warnings.push({ kind: "other-task", paths: after.otherTask.map((o) => o.path), message: `inside another task's scope (${[...new Set(after.otherTask.map((o) => o.task))].join(", ")})` });
    if (warnings.some((w) => w.kind !== "index")) {
      appendEvent(rt.root, "git_commit_validation_warning", { commit, task: taskId, extra, missing, outside: after.outside, otherTask: after.otherTask, via: "lockstep commit" });
    }
    appendEvent(rt.root, "commit", { commit, task: taskId, token: handle.token, files: files.length });
    return { commit, fence: handle.token, task: taskId, files, shared: classes.shared, warnings, orphaned, waitedMs: handle.waitedMs };
  } catch (e) {
    failed = true;
    throw e;
  } finally {
    for (const [sig, h] of handlers) process.off(sig, h);
    unlinkQuiet(tmpIndex);
    unlinkQuiet(`${tmpIndex}.lock`);
    unlinkQuiet(msgFile);
    try {
      releaseLock(handle);
    } catch (e) {
      if (!failed) throw e;
    }
  }
}
function sweepTmp(dir) {
  let names = [];
  try {
    names = readdirSync7(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^index\.(\d+)\./.exec(n);
    if (m && Number(m[1]) !== process.pid && !pidExists(Number(m[1]))) unlinkQuiet(join19(dir, n));
  }
}
function isDirectory(p) {
  try {
    return statSync10(p).isDirectory();
  } catch {
    return false;
  }
}
async function refuseSparseMissing(git, top, paths) {
  const missing = paths.filter((p) => !existsSync5(join19(top, p)));
  if (missing.length === 0) return;
  const r = await git.run(["--literal-pathspecs", "ls-files", "-t", "-z", "--", ...missing], { readOnly: true });
  if (r.code !== 0) return;
  const sparse = r.stdout.split("\0").filter((l) => l.startsWith("S ")).map((l) => l.slice(2));
  if (sparse.length) {
    throw new LockstepError("BAD_INPUT", `${sparse.map(showPath).join(", ")} ${sparse.length > 1 ? "are" : "is"} outside the sparse checkout: lockstep commit would record ${sparse.length > 1 ? "their" : "its"} deletion`, {
      hint: "add it to the sparse checkout first (git sparse-checkout add DIR)"
    });
  }
}

// src/queue/queue.ts
import { appendFileSync as appendFileSync2, closeSync as closeSync4, existsSync as existsSync6, ftruncateSync, linkSync as linkSync8, openSync as openSync4, readdirSync as readdirSync9, readFileSync as readFileSync13, renameSync as renameSync6, statSync as statSync11, writeSync as writeSync4, copyFileSync as copyFileSync3 } from "node:fs";
import { isAbsolute as isAbsolute2, join as join21, resolve as resolve6 } from "node:path";

// src/queue/agents.ts
import { readdirSync as readdirSync8, readFileSync as readFileSync12 } from "node:fs";
import { join as join20 } from "node:path";

// src/queue/names.ts
var ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
var AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
var QUEUE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
var DEFAULT_QUEUE = "default";
function validateItemId(id) {
  if (typeof id !== "string" || !ITEM_ID.test(id) || id.includes("..") || id.endsWith(".") || id.endsWith(".lock")) {
    throw new LockstepError("BAD_NAME", `invalid item id ${JSON.stringify(id)}: use 1-128 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit (no '..', not ending in '.' or '.lock')`);
  }
  return id;
}
function validateAgentId(agent) {
  if (typeof agent !== "string" || !AGENT_ID.test(agent)) {
    throw new LockstepError("BAD_NAME", `invalid agent id ${JSON.stringify(agent)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter or digit`);
  }
  return agent;
}
function validateQueueName(name) {
  if (typeof name !== "string" || !QUEUE_NAME.test(name)) {
    throw new LockstepError("BAD_NAME", `invalid queue name ${JSON.stringify(name)}: use 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit`);
  }
  return name;
}
var MIN_PRIORITY = -1e6;
var MAX_PRIORITY = 1e6;
function validatePriority(p) {
  if (!Number.isSafeInteger(p) || p < MIN_PRIORITY || p > MAX_PRIORITY) {
    throw new LockstepError("BAD_INPUT", `invalid priority ${JSON.stringify(p)}: use a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY} (higher is claimed first)`);
  }
  return p;
}

// src/queue/agents.ts
var DEFAULT_AGENT_LEASE_MS = 6e4;
function agentsDir(rt) {
  return join20(rt.root, "agents");
}
function agentPath(rt, agent) {
  return join20(agentsDir(rt), `${agent}.json`);
}
function parseAgent(text) {
  try {
    const r = JSON.parse(text);
    return r && typeof r.agent === "string" && typeof r.renewedAtMs === "number" ? r : null;
  } catch {
    return null;
  }
}
function readAgent(rt, agent) {
  try {
    return parseAgent(readFileSync12(agentPath(rt, agent), "utf8"));
  } catch {
    return null;
  }
}
function heartbeat(opts) {
  const agent = validateAgentId(opts.agent);
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  const leaseMs = opts.leaseMs ?? DEFAULT_AGENT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  const pid = opts.ownerPid ?? process.pid;
  const ident = identityOf(pid);
  if (ident.pidStart === null && pid !== process.pid) {
    throw new LockstepError("BAD_INPUT", `owner pid ${pid} is not a running process`);
  }
  ensureDir(agentsDir(rt));
  const prev = readAgent(rt, agent);
  const same = prev && prev.pid === pid && prev.pidStart === ident.pidStart && prev.host === ident.host;
  const now = Date.now();
  const keep = (v, old) => v !== void 0 ? v : same ? old ?? null : null;
  const rec = {
    v: 1,
    agent,
    pid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    host: ident.host,
    startedAt: same ? prev.startedAt : new Date(now).toISOString(),
    startedAtMs: same ? prev.startedAtMs : now,
    renewedAt: new Date(now).toISOString(),
    renewedAtMs: now,
    leaseMs,
    state: keep(opts.state, prev?.state),
    queue: keep(opts.queue, prev?.queue),
    item: keep(opts.item, prev?.item),
    generation: keep(opts.generation, prev?.generation),
    worktree: keep(opts.worktree, prev?.worktree),
    runId: keep(opts.runId, prev?.runId)
  };
  writeFileAtomic(agentPath(rt, agent), JSON.stringify(rec));
  return rec;
}
function listAgents(opts = {}) {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  let names;
  try {
    names = readdirSync8(agentsDir(rt));
  } catch {
    return [];
  }
  const out = [];
  for (const n of names.sort()) {
    if (!n.endsWith(".json") || n.startsWith(".")) continue;
    try {
      const r = parseAgent(readFileSync12(join20(agentsDir(rt), n), "utf8"));
      if (r) out.push(r);
    } catch {
    }
  }
  return out;
}
function agentLeaseEnd(rec) {
  return rec.renewedAtMs + rec.leaseMs;
}
function agentProcessAlive(rec, now = Date.now()) {
  const l = liveness(rec);
  if (l.state === "remote") return now <= agentLeaseEnd(rec);
  return l.state === "alive";
}
function removeAgentRecord(rt, agent) {
  return unlinkQuiet(agentPath(rt, validateAgentId(agent)));
}

// src/queue/queue.ts
var DEFAULT_CLAIM_LEASE_MS = 6e4;
var DEFAULT_MAX_ATTEMPTS = 3;
var EMPTY_CLAIM_GRACE_MS = 5e3;
var made = /* @__PURE__ */ new Set();
function queueDirs(rt, queue) {
  const name = validateQueueName(queue ?? DEFAULT_QUEUE);
  const dir = join21(rt.root, "queue", name);
  const d = {
    root: rt.root,
    name,
    dir,
    items: join21(dir, "items"),
    payloads: join21(dir, "payloads"),
    pending: join21(dir, "pending"),
    claimed: join21(dir, "claimed"),
    resolved: join21(dir, "resolved"),
    done: join21(dir, "done"),
    failed: join21(dir, "failed")
  };
  if (!made.has(dir)) {
    for (const p of [d.items, d.payloads, d.pending, d.claimed, d.resolved, d.done, d.failed]) ensureDir(p);
    made.add(dir);
  }
  return d;
}
function existingQueueDirs(rt, queue) {
  const name = validateQueueName(queue ?? DEFAULT_QUEUE);
  if (!existsSync6(join21(rt.root, "queue", name, "items"))) return null;
  return queueDirs(rt, name);
}
function listQueues(opts = {}) {
  const rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  try {
    return readdirSync9(join21(rt.root, "queue")).filter((n) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(n) && existsSync6(join21(rt.root, "queue", n, "items"))).sort();
  } catch {
    return [];
  }
}
function priorityKey(priority) {
  return String(1e6 - priority).padStart(7, "0");
}
function pendingName(item, generation) {
  return `${priorityKey(item.priority)}.${item.seq}.${item.id}@${generation}`;
}
function parsePending(name) {
  if (name.length < 28 || name[7] !== "." || name[24] !== ".") return null;
  const at = name.lastIndexOf("@");
  if (at < 26) return null;
  const generation = Number(name.slice(at + 1));
  if (!Number.isSafeInteger(generation) || generation < 1) return null;
  return { name, id: name.slice(25, at), generation, priority: 1e6 - Number(name.slice(0, 7)) };
}
function parseClaimName(name) {
  if (name.startsWith(".")) return null;
  const at = name.lastIndexOf("@");
  if (at < 1) return null;
  const generation = Number(name.slice(at + 1));
  if (!Number.isSafeInteger(generation) || generation < 1) return null;
  return { id: name.slice(0, at), generation };
}
var CLAIM_SPREAD = 16;
var SPREAD_FOR_MS = 1e3;
var claimStats = { won: 0, lost: 0, listings: 0 };
function nextCandidate(view) {
  const { names } = view;
  const head = view.next;
  if (Date.now() - view.lostAt < SPREAD_FOR_MS) {
    const prio = names[head].slice(0, 7);
    let span = 1;
    while (span < CLAIM_SPREAD && head + span < names.length && names[head + span].startsWith(prio)) span++;
    const j = head + Math.floor(Math.random() * span);
    [names[head], names[j]] = [names[j], names[head]];
  }
  view.next++;
  return names[head];
}
var views = /* @__PURE__ */ new Map();
function addedSignature(d) {
  try {
    const st = statSync11(join21(d.dir, "pending.added"));
    return `${st.ino}:${st.size}`;
  } catch {
    return "none";
  }
}
function noteNewPending(d) {
  try {
    appendFileSync2(join21(d.dir, "pending.added"), "+");
  } catch {
  }
}
function freshView(d) {
  const sig = addedSignature(d);
  claimStats.listings++;
  const view = { sig, names: listDir(d.pending).sort(), next: 0, lostAt: views.get(d.pending)?.lostAt ?? 0 };
  views.set(d.pending, view);
  return view;
}
var seqCounter = 0;
function nextSeq() {
  seqCounter = (seqCounter + 1) % 1e3;
  return `${String(Date.now()).padStart(13, "0")}${String(seqCounter).padStart(3, "0")}`;
}
function linkOutcome(src, dest) {
  try {
    linkSync8(src, dest);
    return "linked";
  } catch (e) {
    const code = e.code;
    if (code === "EEXIST") return "exists";
    if (code === "ENOENT") return "gone";
    throw fsError(e, "create", dest);
  }
}
function createEmpty(path) {
  try {
    closeSync4(openSync4(path, "wx", 420));
    return true;
  } catch (e) {
    if (e.code === "EEXIST") return false;
    throw fsError(e, "create", path);
  }
}
function readJson(path) {
  try {
    return JSON.parse(readFileSync13(path, "utf8"));
  } catch {
    return null;
  }
}
function listDir(dir) {
  try {
    return readdirSync9(dir).filter((n) => !n.startsWith("."));
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read", dir);
  }
}
function removeDeadTemps(dir) {
  let names;
  try {
    names = readdirSync9(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(".tmp.")) continue;
    const pid = Number(n.split(".")[2]);
    if (Number.isInteger(pid) && pid !== process.pid && !pidExists(pid)) unlinkQuiet(join21(dir, n));
  }
}
function readItem(d, id) {
  return readJson(join21(d.items, `${id}.json`));
}
function readClaim(d, id, generation) {
  const r = readJson(join21(d.claimed, `${id}@${generation}`));
  return r && typeof r.agent === "string" ? { ...r, id, queue: d.name, generation } : null;
}
function readResolution(d, id, generation) {
  return readJson(join21(d.resolved, `${id}@${generation}`));
}
function resolve_(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function addItem(opts) {
  const id = validateItemId(opts.id);
  const priority = validatePriority(opts.priority ?? 0);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  let payloadTmp = null;
  if (opts.payloadFile !== void 0) {
    const src = isAbsolute2(opts.payloadFile) ? opts.payloadFile : resolve6(opts.cwd ?? process.cwd(), opts.payloadFile);
    let st;
    try {
      st = statSync11(src);
    } catch {
      throw new LockstepError("BAD_INPUT", `payload file ${src} does not exist`);
    }
    if (!st.isFile()) throw new LockstepError("BAD_INPUT", `payload ${src} is not a regular file`);
    payloadTmp = join21(d.payloads, `.tmp.${process.pid}.${randomHex(6)}`);
    try {
      copyFileSync3(src, payloadTmp);
    } catch (e) {
      throw fsError(e, "copy payload", src);
    }
  }
  const now = Date.now();
  const item = {
    v: 1,
    id,
    queue: d.name,
    priority,
    payload: payloadTmp ? join21(d.payloads, id) : null,
    seq: nextSeq(),
    addedAt: new Date(now).toISOString(),
    addedAtMs: now
  };
  const tmp = writeTempIn(d.items, JSON.stringify(item));
  try {
    if (!tryLink(tmp, join21(d.items, `${id}.json`))) {
      if (payloadTmp) unlinkQuiet(payloadTmp);
      const existing = readItem(d, id);
      if (opts.ifAbsent && existing) return { added: false, item: existing };
      throw new LockstepError("BAD_INPUT", `item ${id} already exists in queue ${d.name}${existing ? ` (added ${existing.addedAt})` : ""}`, {
        hint: `see it with: lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}; add it only if absent with --if-absent`
      });
    }
  } finally {
    unlinkQuiet(tmp);
  }
  if (payloadTmp) renameSync6(payloadTmp, join21(d.payloads, id));
  createEmpty(join21(d.pending, pendingName(item, 1)));
  noteNewPending(d);
  appendEvent(rt.root, "queue_add", { queue: d.name, item: id, priority });
  return { added: true, item };
}
function snapshot(d, withItems) {
  const items = /* @__PURE__ */ new Map();
  if (withItems) {
    for (const n of listDir(d.items)) {
      if (!n.endsWith(".json")) continue;
      const it = readJson(join21(d.items, n));
      if (it) items.set(it.id, it);
    }
  }
  const done = new Set(listDir(d.done));
  const failed = new Set(listDir(d.failed));
  const resolvedSet = new Set(listDir(d.resolved));
  const pending = /* @__PURE__ */ new Map();
  for (const n of listDir(d.pending)) {
    const p = parsePending(n);
    if (!p || resolvedSet.has(`${p.id}@${p.generation}`)) continue;
    pending.set(p.id, Math.max(pending.get(p.id) ?? 0, p.generation));
  }
  const claims = /* @__PURE__ */ new Map();
  for (const n of listDir(d.claimed)) {
    const c = parseClaimName(n);
    if (!c || resolvedSet.has(n)) continue;
    const list2 = claims.get(c.id) ?? [];
    list2.push({ generation: c.generation, name: n });
    claims.set(c.id, list2);
  }
  return { items, pending, claims, resolvedSet, done, failed };
}
function queueCounts(opts = {}) {
  const rt = resolve_(opts);
  const d = existingQueueDirs(rt, opts.queue);
  const name = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  if (!d) return { queue: name, pending: 0, claimed: 0, done: 0, failed: 0 };
  const s = snapshot(d, false);
  let pending = 0;
  let claimed = 0;
  for (const [id, g] of s.pending) {
    if (s.done.has(id) || s.failed.has(id)) continue;
    const c = s.claims.get(id);
    if (c && c.some((x) => x.generation >= g)) continue;
    pending++;
  }
  for (const id of s.claims.keys()) if (!s.done.has(id) && !s.failed.has(id)) claimed++;
  return { queue: name, pending, claimed, done: s.done.size, failed: s.failed.size };
}
function listItems(opts = {}) {
  const rt = resolve_(opts);
  const d = existingQueueDirs(rt, opts.queue);
  if (!d) return [];
  const s = snapshot(d, true);
  const out = [];
  for (const it of s.items.values()) {
    const view = {
      id: it.id,
      queue: d.name,
      priority: it.priority,
      payload: it.payload,
      addedAt: it.addedAt,
      state: "pending",
      generation: 1,
      attempts: 0,
      agent: null,
      claimedAt: null,
      leaseEndsAtMs: null,
      lastReason: null
    };
    const final = s.done.has(it.id) ? "done" : s.failed.has(it.id) ? "failed" : null;
    if (final) {
      const r = readJson(join21(final === "done" ? d.done : d.failed, it.id));
      view.state = final;
      if (r) {
        view.generation = r.generation;
        view.agent = r.agent;
        view.attempts = final === "done" ? r.generation - 1 : r.generation;
        view.lastReason = r.reason;
      }
    } else {
      const claims = (s.claims.get(it.id) ?? []).sort((a, b) => b.generation - a.generation);
      if (claims[0]) {
        view.state = "claimed";
        view.generation = claims[0].generation;
        const live = readClaim(d, it.id, claims[0].generation);
        if (live) {
          view.agent = live.agent;
          view.claimedAt = live.claimedAt;
          view.leaseEndsAtMs = claimLeaseEnd(live, readAgent(rt, live.agent));
        }
      } else {
        view.state = "pending";
        view.generation = s.pending.get(it.id) ?? 1;
      }
      view.attempts = view.generation - 1;
      if (view.generation > 1) view.lastReason = readResolution(d, it.id, view.generation - 1)?.reason ?? null;
    }
    if (!opts.state || opts.state === view.state) out.push(view);
  }
  const order = { claimed: 0, pending: 1, failed: 2, done: 3 };
  return out.sort((a, b) => order[a.state] - order[b.state] || b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}
function claimNext(opts) {
  const agent = validateAgentId(opts.agent);
  const leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const ownerPid = opts.ownerPid ?? process.pid;
  const ident = ownerPid === process.pid ? ownIdentity() : identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid) throw new LockstepError("BAD_INPUT", `owner pid ${ownerPid} is not a running process`);
  let view = views.get(d.pending);
  if (!view || view.sig !== addedSignature(d)) view = freshView(d);
  for (let pass = 0; pass < 2; pass++) {
    if (pass === 1) view = freshView(d);
    while (view.next < view.names.length) {
      const name = nextCandidate(view);
      const p = parsePending(name);
      if (!p) continue;
      const key = `${p.id}@${p.generation}`;
      const target = join21(d.claimed, key);
      const source = join21(d.pending, name);
      const won = existsSync6(source) ? linkOutcome(source, target) : "gone";
      if (won !== "linked") {
        if (won === "exists") unlinkQuiet(source);
        view.lostAt = Date.now();
        claimStats.lost++;
        continue;
      }
      if (existsSync6(join21(d.resolved, key))) {
        unlinkQuiet(target);
        unlinkQuiet(source);
        continue;
      }
      const now = Date.now();
      const record = {
        v: 1,
        agent,
        nonce: randomHex(8),
        pid: ownerPid,
        pidStart: ident.pidStart,
        bootId: ident.bootId,
        host: ident.host,
        claimedAt: new Date(now).toISOString(),
        claimedAtMs: now,
        leaseMs
      };
      if (!writeRecordInto(target, JSON.stringify(record)) || existsSync6(join21(d.resolved, key))) {
        unlinkQuiet(source);
        view.lostAt = Date.now();
        continue;
      }
      unlinkQuiet(source);
      const item = readItem(d, p.id);
      if (!item) {
        throw new LockstepError("CORRUPT_STATE", `queue ${d.name} has a pending entry for ${p.id} but no item record ${join21(d.items, `${p.id}.json`)}`, {
          hint: `remove the claim: rm "${target}"`
        });
      }
      appendEvent(rt.root, "queue_claim", { queue: d.name, item: p.id, generation: p.generation, agent, owner: ownerPid });
      claimStats.won++;
      return { claimed: true, item, generation: p.generation, claim: { ...record, id: p.id, queue: d.name, generation: p.generation } };
    }
  }
  return { claimed: false, queue: d.name };
}
function writeRecordInto(path, data) {
  let fd;
  try {
    fd = openSync4(path, "r+");
  } catch (e) {
    if (e.code === "ENOENT") return false;
    throw fsError(e, "write the claim record", path);
  }
  try {
    ftruncateSync(fd, 0);
    writeSync4(fd, data);
  } finally {
    closeSync4(fd);
  }
  return true;
}
var own = null;
function ownIdentity() {
  own ??= identityOf(process.pid);
  return own;
}
function claimLeaseEnd(claim, agent) {
  let end = claim.claimedAtMs + claim.leaseMs;
  if (agent && agent.agent === claim.agent && agent.pid === claim.pid && agent.pidStart === claim.pidStart && agent.host === claim.host) {
    end = Math.max(end, agent.renewedAtMs + agent.leaseMs);
  }
  return end;
}
function liveClaim(d, id) {
  const prefix = `${id}@`;
  let best = null;
  for (const n of listDir(d.claimed)) {
    if (!n.startsWith(prefix)) continue;
    const c = parseClaimName(n);
    if (!c || c.id !== id || existsSync6(join21(d.resolved, n))) continue;
    const rec = readClaim(d, id, c.generation);
    if (rec && (!best || rec.generation > best.generation)) best = rec;
  }
  return best;
}
function describeEnd(r) {
  const how = r.outcome === "reclaimed" ? `reclaimed${r.reason ? ` (${r.reason})` : ""}` : r.outcome === "retry" ? "failed and was retried" : r.outcome === "done" ? `done by agent ${r.agent}` : `failed${r.reason ? ` (${r.reason})` : ""}`;
  return `${how} at ${r.at}`;
}
function refuse(d, id, agent, generation, why) {
  appendEvent(d.root, "queue_refused", { queue: d.name, item: id, agent, generation, why });
  const live = liveClaim(d, id);
  const isDone = existsSync6(join21(d.done, id));
  const now = live ? `; it is now claim ${live.generation}, held by agent ${live.agent}` : isDone ? "; it is done" : "";
  const list2 = `lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}`;
  const hint = live || isDone || generation !== null ? `the work done under that claim must not count (another claim owns the item now); see it with: ${list2}` : `claim an item first (lockstep queue claim --agent ${agent}), or see the queue: ${list2}`;
  return new LockstepError("CONFLICT", `refused: ${why}${now}`, {
    hint,
    detail: { item: id, agent, generation, current: live?.generation ?? null, holder: live?.agent ?? null }
  });
}
function claimToFinish(d, id, agent, generation) {
  if (!existsSync6(join21(d.items, `${id}.json`))) {
    throw new LockstepError("NOT_FOUND", `no item ${id} in queue ${d.name}`, { hint: `list the items: lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}` });
  }
  if (generation !== void 0) {
    if (!Number.isSafeInteger(generation) || generation < 1) throw new LockstepError("BAD_INPUT", `invalid generation ${generation}: generations are whole numbers from 1`);
    const ended = readResolution(d, id, generation);
    if (ended) throw refuse(d, id, agent, generation, `claim ${generation} of ${id} already ended: ${describeEnd(ended)}`);
    const c = readClaim(d, id, generation);
    if (!c) throw refuse(d, id, agent, generation, `${id} has no claim ${generation}`);
    if (c.agent !== agent) throw refuse(d, id, agent, generation, `claim ${generation} of ${id} belongs to agent ${c.agent}, not ${agent}`);
    return c;
  }
  const live = liveClaim(d, id);
  if (!live) {
    const final = readJson(join21(d.done, id)) ?? readJson(join21(d.failed, id));
    throw refuse(d, id, agent, null, final ? `${id} is not claimed: it was ${describeEnd(final)}` : `${id} is not claimed by anyone`);
  }
  if (live.agent !== agent) throw refuse(d, id, agent, null, `${id} is claimed by agent ${live.agent} (claim ${live.generation}), not ${agent}`);
  return live;
}
function resolveClaim(d, c, outcome, next, reason) {
  const now = Date.now();
  const res = {
    v: 1,
    id: c.id,
    generation: c.generation,
    outcome,
    next,
    agent: c.agent,
    by: { pid: process.pid, host: hostId() },
    at: new Date(now).toISOString(),
    atMs: now,
    reason
  };
  const tmp = writeTempIn(d.resolved, JSON.stringify(res));
  try {
    if (!tryLink(tmp, join21(d.resolved, `${c.id}@${c.generation}`))) return null;
  } finally {
    unlinkQuiet(tmp);
  }
  carryOut(d, res);
  return res;
}
function carryOut(d, res) {
  const key = `${res.id}@${res.generation}`;
  const src = join21(d.resolved, key);
  if (res.next === "done") tryLink(src, join21(d.done, res.id), true);
  else if (res.next === "failed") tryLink(src, join21(d.failed, res.id), true);
  else if (!existsSync6(join21(d.done, res.id)) && !existsSync6(join21(d.failed, res.id)) && !existsSync6(join21(d.claimed, `${res.id}@${res.generation + 1}`))) {
    const item = readItem(d, res.id);
    if (item && createEmpty(join21(d.pending, pendingName(item, res.generation + 1)))) noteNewPending(d);
  }
  unlinkQuiet(join21(d.claimed, key));
}
function completeItem(opts) {
  const id = validateItemId(opts.id);
  const agent = validateAgentId(opts.agent);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const c = claimToFinish(d, id, agent, opts.generation);
  const res = resolveClaim(d, c, "done", "done", null);
  if (!res) {
    const ended = readResolution(d, id, c.generation);
    throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this completion: ${ended ? describeEnd(ended) : "ended"}`);
  }
  appendEvent(rt.root, "queue_done", { queue: d.name, item: id, generation: c.generation, agent, heldMs: res.atMs - c.claimedAtMs });
  return { id, queue: d.name, generation: c.generation, agent, outcome: "done", next: "done" };
}
function failItem(opts) {
  const id = validateItemId(opts.id);
  const agent = validateAgentId(opts.agent);
  const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError("BAD_INPUT", `invalid max attempts ${max}: use a whole number >= 1`);
  const rt = resolve_(opts);
  const d = queueDirs(rt, opts.queue);
  const c = claimToFinish(d, id, agent, opts.generation);
  const retry = Boolean(opts.retry) && c.generation < max;
  let reason = opts.reason?.trim() || "failed";
  if (opts.retry && !retry) reason += ` (no attempts left: ${c.generation} of ${max} used)`;
  const res = resolveClaim(d, c, retry ? "retry" : "failed", retry ? "pending" : "failed", reason);
  if (!res) {
    const ended = readResolution(d, id, c.generation);
    throw refuse(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this failure report: ${ended ? describeEnd(ended) : "ended"}`);
  }
  appendEvent(rt.root, "queue_fail", { queue: d.name, item: id, generation: c.generation, agent, retry, reason: res.reason });
  return { id, queue: d.name, generation: c.generation, agent, outcome: res.outcome, next: res.next };
}
function reclaim(opts = {}) {
  const max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError("BAD_INPUT", `invalid max attempts ${max}: use a whole number >= 1`);
  const rt = resolve_(opts);
  const names = opts.queue !== void 0 ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt });
  const out = { reclaimed: [], finished: 0, repaired: [], held: 0 };
  for (const name of names) {
    const d = existingQueueDirs(rt, name);
    if (!d) continue;
    removeDeadTemps(d.claimed);
    removeDeadTemps(d.resolved);
    removeDeadTemps(d.items);
    const agents = /* @__PURE__ */ new Map();
    for (const n of listDir(d.claimed)) {
      const c = parseClaimName(n);
      if (!c) continue;
      const ended = readResolution(d, c.id, c.generation);
      if (ended) {
        carryOut(d, ended);
        out.finished++;
        continue;
      }
      const now = opts.now ?? Date.now();
      let claim = readClaim(d, c.id, c.generation);
      if (!claim) {
        let ctimeMs;
        try {
          ctimeMs = statSync11(join21(d.claimed, n)).ctimeMs;
        } catch {
          continue;
        }
        if (now - ctimeMs < EMPTY_CLAIM_GRACE_MS) {
          out.held++;
          continue;
        }
        claim = { v: 1, agent: "unknown", nonce: "", pid: 0, pidStart: null, bootId: null, host: hostId(), claimedAt: new Date(ctimeMs).toISOString(), claimedAtMs: ctimeMs, leaseMs: EMPTY_CLAIM_GRACE_MS, id: c.id, queue: d.name, generation: c.generation };
      }
      if (!agents.has(claim.agent)) agents.set(claim.agent, readAgent(rt, claim.agent));
      const leaseEnd = claimLeaseEnd(claim, agents.get(claim.agent) ?? null);
      const l = liveness(claim);
      if (now <= leaseEnd || l.state === "alive") {
        out.held++;
        continue;
      }
      const gone = claim.pid === 0 ? "its claimer stopped before writing its claim record" : l.state === "remote" ? `its owner on host ${claim.host} sent no heartbeat` : l.reason;
      const reason = `abandoned by agent ${claim.agent}: lease ran out ${((now - leaseEnd) / 1e3).toFixed(1)} s ago and ${gone}`;
      const next = c.generation >= max ? "failed" : "pending";
      const res = resolveClaim(d, claim, "reclaimed", next, next === "failed" ? `${reason}; ${c.generation} of ${max} attempts used` : reason);
      if (!res) continue;
      appendEvent(rt.root, "queue_reclaim", { queue: d.name, item: c.id, generation: c.generation, agent: claim.agent, next, reason: res.reason });
      out.reclaimed.push({ queue: d.name, id: c.id, generation: c.generation, agent: claim.agent, reason: res.reason, next });
    }
    out.repaired.push(...repairOrphans(d, opts.now ?? Date.now()));
  }
  return out;
}
function repairOrphans(d, now) {
  const seen = /* @__PURE__ */ new Set([...listDir(d.done), ...listDir(d.failed)]);
  for (const n of listDir(d.pending)) {
    const p = parsePending(n);
    if (p) seen.add(p.id);
  }
  for (const dir of [d.claimed, d.resolved]) {
    for (const n of listDir(dir)) {
      const c = parseClaimName(n);
      if (c) seen.add(c.id);
    }
  }
  const out = [];
  for (const n of listDir(d.items)) {
    if (!n.endsWith(".json") || seen.has(n.slice(0, -5))) continue;
    const item = readItem(d, n.slice(0, -5));
    if (!item || now - item.addedAtMs < 6e4) continue;
    if (createEmpty(join21(d.pending, pendingName(item, 1)))) {
      noteNewPending(d);
      appendEvent(d.root, "queue_repair", { queue: d.name, item: item.id });
      out.push(item.id);
    }
  }
  return out;
}
function listClaims(opts = {}) {
  const rt = resolve_(opts);
  const names = opts.queue !== void 0 ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt });
  const out = [];
  for (const name of names) {
    const d = existingQueueDirs(rt, name);
    if (!d) continue;
    for (const n of listDir(d.claimed)) {
      const c = parseClaimName(n);
      if (!c || existsSync6(join21(d.resolved, n))) continue;
      const claim = readClaim(d, c.id, c.generation);
      if (!claim || opts.agent && claim.agent !== opts.agent) continue;
      const l = liveness(claim);
      out.push({ ...claim, leaseEndsAtMs: claimLeaseEnd(claim, readAgent(rt, claim.agent)), ownerAlive: l.state === "alive" });
    }
  }
  return out;
}

// src/worktree/worktree.ts
import { existsSync as existsSync8, readdirSync as readdirSync10, realpathSync as realpathSync5, rmSync as rmSync3 } from "node:fs";
import { join as join23, resolve as resolve8 } from "node:path";

// src/worktree/copies.ts
import { cpSync, existsSync as existsSync7, mkdirSync as mkdirSync5, realpathSync as realpathSync4, rmSync as rmSync2 } from "node:fs";
import { dirname as dirname5, isAbsolute as isAbsolute3, join as join22, normalize, relative as relative3, sep as sep3 } from "node:path";
function validateCopies(sourceTop, paths) {
  const top = realpathSync4(sourceTop);
  const out = [];
  for (const raw of paths) {
    if (typeof raw !== "string" || raw.trim() === "" || raw.includes("\0")) throw new LockstepError("BAD_INPUT", `invalid copy path ${JSON.stringify(raw)}`);
    if (isAbsolute3(raw)) throw new LockstepError("BAD_INPUT", `copy path ${raw} must be relative to the checkout (${sourceTop})`);
    const rel = normalize(raw).replace(/[\\/]+$/, "");
    const parts = rel.split(/[\\/]/);
    if (rel === "." || rel === "" || parts.includes("..")) throw new LockstepError("BAD_INPUT", `copy path ${raw} must name something inside the checkout`);
    if (parts[0] === ".git") throw new LockstepError("BAD_INPUT", `copy path ${raw} is inside .git: git's own files are never copied`);
    const abs = join22(top, rel);
    if (!existsSync7(abs)) throw new LockstepError("BAD_INPUT", `copy path ${rel} does not exist in ${sourceTop}`);
    const real2 = realpathSync4(abs);
    const within2 = relative3(top, real2);
    if (within2 === "" || within2.startsWith("..") || isAbsolute3(within2) || within2.split(sep3)[0] === ".git") {
      throw new LockstepError("BAD_INPUT", `copy path ${rel} resolves to ${real2}, outside the checkout ${top}`);
    }
    if (!out.includes(rel)) out.push(rel);
  }
  return out;
}
function applyCopies(sourceTop, destTop, rels) {
  for (const rel of rels) {
    const src = join22(sourceTop, rel);
    const dest = join22(destTop, rel);
    try {
      rmSync2(dest, { recursive: true, force: true });
      mkdirSync5(dirname5(dest), { recursive: true });
      cpSync(src, dest, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true, force: true });
    } catch (e) {
      throw fsError(e, `copy ${rel} into`, destTop);
    }
  }
}
function isCopied(path, rels) {
  for (const r of rels) {
    const rr = r.split(sep3).join("/");
    if (path === rr || path.startsWith(`${rr}/`)) return true;
  }
  return false;
}

// src/worktree/registry.ts
import { resolve as resolve7 } from "node:path";
function parseWorktreeList(out) {
  const list2 = [];
  let cur = null;
  for (const field of out.split("\0")) {
    if (field === "") {
      if (cur) list2.push(cur);
      cur = null;
      continue;
    }
    const sp = field.indexOf(" ");
    const key = sp < 0 ? field : field.slice(0, sp);
    const value = sp < 0 ? "" : field.slice(sp + 1);
    if (key === "worktree") {
      if (cur) list2.push(cur);
      cur = { path: resolve7(value), head: null, branch: null, bare: false, detached: false, locked: null, prunable: null };
    } else if (cur) {
      if (key === "HEAD") cur.head = value;
      else if (key === "branch") cur.branch = value;
      else if (key === "bare") cur.bare = true;
      else if (key === "detached") cur.detached = true;
      else if (key === "locked") cur.locked = value;
      else if (key === "prunable") cur.prunable = value;
    }
  }
  if (cur) list2.push(cur);
  return list2;
}
async function listRegisteredWorktrees(git) {
  return parseWorktreeList(await git.exec(["worktree", "list", "--porcelain", "-z"], { readOnly: true }));
}

// src/worktree/repo-lock.ts
var REPO_LOCK = "repo";
var DEFAULT_REPO_LOCK_TIMEOUT_MS = 6e5;
async function withRepoLock(opts, fn) {
  if (opts.unsafeUnserialized) return fn(null);
  return withLock(
    {
      runtime: opts.runtime,
      cwd: opts.cwd,
      name: REPO_LOCK,
      command: opts.command,
      agent: opts.agent ?? null,
      task: opts.task ?? null,
      timeoutMs: opts.timeoutMs ?? DEFAULT_REPO_LOCK_TIMEOUT_MS,
      onWait: opts.onWait,
      env: opts.env
    },
    fn
  );
}

// src/worktree/worktree.ts
function worktreesDir(rt) {
  return join23(rt.root, "worktrees");
}
function manifestPath(rt, agent) {
  return join23(worktreesDir(rt), `${agent}.json`);
}
function agentBranch(agent) {
  return `lockstep/${agent}`;
}
function readManifest(rt, agent) {
  return readJsonFile(manifestPath(rt, agent), "worktree manifest") ?? null;
}
function listManifests(rt) {
  let names;
  try {
    names = readdirSync10(worktreesDir(rt));
  } catch {
    return [];
  }
  const out = [];
  for (const n of names.sort()) {
    if (!n.endsWith(".json") || n.startsWith(".")) continue;
    try {
      const m = readJsonFile(join23(worktreesDir(rt), n), "worktree manifest");
      if (m) out.push(m);
    } catch {
    }
  }
  return out;
}
function real(p) {
  try {
    return realpathSync5(p);
  } catch {
    return resolve8(p);
  }
}
function checkoutTop(git) {
  const paths = git.repoPaths();
  if (!paths.topLevel) throw new LockstepError("BARE_REPO", `${git.cwd} has no checkout: agent worktrees are made from a checkout`);
  return paths.topLevel;
}
async function currentBranch(git) {
  const r = await git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], { readOnly: true });
  if (r.code !== 0 || !r.stdout.trim()) {
    throw new LockstepError("BAD_INPUT", `HEAD is detached in ${git.cwd}: name the branch with --base BRANCH`);
  }
  return r.stdout.trim();
}
async function branchCommit(git, branch) {
  if (typeof branch !== "string" || branch === "" || branch.startsWith("-")) throw new LockstepError("BAD_NAME", `invalid branch name ${JSON.stringify(branch)}`);
  const fmt = await git.run(["check-ref-format", "--branch", branch], { readOnly: true });
  if (fmt.code !== 0) throw new LockstepError("BAD_NAME", `invalid branch name ${JSON.stringify(branch)}`);
  const r = await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { readOnly: true });
  if (r.code !== 0) throw new LockstepError("NOT_FOUND", `no branch ${branch} in this repository`, { hint: "list branches with: git branch" });
  return r.stdout.trim();
}
async function tryCommit(git, ref) {
  const r = await git.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { readOnly: true });
  return r.code === 0 ? r.stdout.trim() : null;
}
async function countUnmerged(git, base, head) {
  const r = await git.run(["rev-list", "--count", `${base}..${head}`], { readOnly: true });
  return r.code === 0 ? Number(r.stdout.trim()) || 0 : 0;
}
async function baseRef(git, m) {
  return await tryCommit(git, `refs/heads/${m.base}`) ?? m.baseCommit;
}
async function dirtyPaths(wtGit, copies) {
  const r = await wtGit.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules"], { readOnly: true });
  if (r.code !== 0) return [];
  const out = [];
  const fields = r.stdout.split("\0");
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    if (f.length < 4) continue;
    const status = f.slice(0, 2);
    const path = f.slice(3);
    if (status[0] === "R" || status[0] === "C") i++;
    if (!isCopied(path, copies)) out.push(path);
  }
  return out;
}
async function hooksCheck(mainGit, wtGit, wtPath) {
  const main = resolve8(mainGit.cwd, (await mainGit.exec(["rev-parse", "--git-path", "hooks"], { readOnly: true })).trim());
  const inside = resolve8(wtPath, (await wtGit.exec(["rev-parse", "--git-path", "hooks"], { readOnly: true })).trim());
  if (real(main) === real(inside)) return { path: inside, shared: true, warning: null };
  if (existsSync8(main) && !existsSync8(inside)) {
    return { path: inside, shared: false, warning: `core.hooksPath resolves to ${inside} in the worktree, which does not exist: commit the hooks directory, copy it with --copy, or make core.hooksPath absolute` };
  }
  return { path: inside, shared: false, warning: null };
}
function agentActivity(rt, agent, owner = null, now = Date.now()) {
  const reasons = [];
  for (const c of listClaims({ runtime: rt, agent })) {
    if (c.ownerAlive) reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) and its process ${c.pid} is running`);
    else if (c.leaseEndsAtMs > now) reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) with ${((c.leaseEndsAtMs - now) / 1e3).toFixed(0)} s of lease left`);
  }
  const rec = readAgent(rt, agent);
  if (rec && rec.state !== "exited") {
    if (agentProcessAlive(rec, now)) reasons.push(`its process ${rec.pid} is running (last heartbeat ${((now - rec.renewedAtMs) / 1e3).toFixed(0)} s ago)`);
    else if (agentLeaseEnd(rec) > now) reasons.push(`its lease runs ${((agentLeaseEnd(rec) - now) / 1e3).toFixed(0)} s more`);
  }
  if (owner && liveness(owner).state === "alive") reasons.push(`the worktree is held for process ${owner.pid}, which is running`);
  return { active: reasons.length > 0, reasons };
}
async function addAgentWorktree(opts) {
  const agent = validateAgentId(opts.agent);
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const source = checkoutTop(git);
  const base = opts.base ?? await currentBranch(git);
  await branchCommit(git, base);
  const copies = validateCopies(source, opts.copy ?? []);
  let owner = null;
  if (opts.ownerPid !== void 0 && opts.ownerPid !== null) {
    const id = identityOf(opts.ownerPid);
    if (id.pidStart === null) throw new LockstepError("BAD_INPUT", `owner pid ${opts.ownerPid} is not a running process`);
    owner = { pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host };
  }
  const path = join23(worktreesDir(rt), agent);
  const branch = agentBranch(agent);
  ensureDir(worktreesDir(rt));
  const made2 = await withRepoLock({ runtime: rt, cwd, command: `worktree add ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const existing = readManifest(rt, agent);
    if (existing) {
      throw new LockstepError("CONFLICT", `agent ${agent} already has a worktree at ${existing.path} (created ${existing.createdAt})`, {
        hint: `use it, or remove it first: lockstep worktree remove ${agent}`
      });
    }
    const registered = await listRegisteredWorktrees(git);
    if (registered.some((w) => real(w.path) === real(path))) {
      throw new LockstepError("CONFLICT", `a half-built worktree for agent ${agent} is registered at ${path} (its creator stopped before finishing)`, {
        hint: `clean it up: lockstep worktree prune`
      });
    }
    if (existsSync8(path)) rmSync3(path, { recursive: true, force: true });
    const baseTip = await branchCommit(git, base);
    const oldTip = await tryCommit(git, `refs/heads/${branch}`);
    if (oldTip) {
      const unmerged = await countUnmerged(git, baseTip, oldTip);
      if (unmerged > 0) {
        throw new LockstepError("CONFLICT", `branch ${branch} has ${unmerged} commit(s) not merged into ${base}: not reusing it for a new worktree`, {
          hint: `merge it (lockstep merge ${branch} --into ${base}) or delete it (git branch -D ${branch})`
        });
      }
      const holder = registered.find((w) => w.branch === `refs/heads/${branch}`);
      if (holder) throw new LockstepError("CONFLICT", `branch ${branch} is checked out at ${holder.path}`, { hint: `check out another branch there, or remove that worktree` });
    }
    const lockReason = `lockstep agent ${agent} (pid ${owner?.pid ?? process.pid}, base ${base}) since ${(/* @__PURE__ */ new Date()).toISOString()}`;
    await git.exec(["worktree", "add", "--quiet", "--lock", "--reason", lockReason, "-B", branch, path, baseTip]);
    try {
      applyCopies(source, path, copies);
      const now = Date.now();
      const manifest = {
        v: 1,
        agent,
        path,
        branch,
        base,
        baseCommit: baseTip,
        copies,
        source,
        owner,
        lockReason,
        createdAt: new Date(now).toISOString(),
        createdAtMs: now,
        refreshedAtMs: now
      };
      writeFileAtomic(manifestPath(rt, agent), JSON.stringify(manifest, null, 2));
      appendEvent(rt.root, "worktree_add", { agent, path, branch, base, baseCommit: baseTip, copies });
      return { agent, path, branch, base, baseCommit: baseTip, copies };
    } catch (e) {
      await git.run(["worktree", "unlock", path]);
      await git.run(["worktree", "remove", "--force", path]);
      if (!oldTip) await git.run(["update-ref", "-d", `refs/heads/${branch}`]);
      throw e;
    }
  });
  return { ...made2, hooks: await hooksCheck(git, createGit(path), path) };
}
async function removeLocked(rt, git, m, force) {
  const present = existsSync8(m.path);
  const wtGit = createGit(m.path);
  const base = await baseRef(git, m);
  const head = present ? await tryCommit(wtGit, "HEAD") ?? m.branch : m.branch;
  const unmerged = await tryCommit(git, head) ? await countUnmerged(git, base, head) : 0;
  const dirty = present ? await dirtyPaths(wtGit, m.copies) : [];
  if (!force) {
    const act = agentActivity(rt, m.agent, m.owner);
    if (act.active) {
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${act.reasons.join("; ")}`, {
        hint: `wait for the agent to finish, or remove it anyway: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, reasons: act.reasons }
      });
    }
    if (dirty.length) {
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${dirty.length} uncommitted change(s) (${dirty.slice(0, 5).join(", ")}${dirty.length > 5 ? ", \u2026" : ""})`, {
        hint: `commit them in ${m.path}, or throw them away: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, dirty }
      });
    }
    if (unmerged > 0) {
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${unmerged} commit(s) on ${m.branch} are not merged into ${m.base}`, {
        hint: `merge them: lockstep merge ${m.branch} --into ${m.base}; or remove the worktree and keep the branch: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, unmerged }
      });
    }
  }
  if (present) {
    await git.run(["worktree", "unlock", m.path]);
    const r = await git.run(["worktree", "remove", "--force", m.path]);
    if (r.code !== 0 && existsSync8(m.path)) {
      throw new LockstepError("GIT_FAILED", `git worktree remove ${m.path} failed: ${r.stderr.trim()}`);
    }
  } else {
    await git.run(["worktree", "prune"]);
  }
  let branchDeleted = false;
  const tip = await tryCommit(git, `refs/heads/${m.branch}`);
  if (tip) {
    const left = await countUnmerged(git, base, tip);
    if (left === 0) {
      branchDeleted = (await git.run(["update-ref", "-d", `refs/heads/${m.branch}`, tip])).code === 0;
    }
  }
  const branchLeft = branchDeleted || !tip ? 0 : await countUnmerged(git, base, `refs/heads/${m.branch}`);
  unlinkQuiet(manifestPath(rt, m.agent));
  appendEvent(rt.root, "worktree_remove", { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmerged: branchLeft, discarded: dirty.length, force });
  return { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmergedCommits: branchLeft, discarded: force ? dirty : [] };
}
async function removeAgentWorktree(opts) {
  const agent = validateAgentId(opts.agent);
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  return withRepoLock({ runtime: rt, cwd, command: `worktree remove ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const m = readManifest(rt, agent);
    if (!m) throw new LockstepError("NOT_FOUND", `agent ${agent} has no worktree`, { hint: "list them: lockstep worktree list" });
    return removeLocked(rt, git, m, Boolean(opts.force));
  });
}
async function pruneWorktrees(opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const dryRun = Boolean(opts.dryRun);
  return withRepoLock({ runtime: rt, cwd, command: "worktree prune", timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    const out = { removed: [], kept: [], halfBuilt: [], agentRecords: [], dryRun };
    const manifests = listManifests(rt);
    for (const m of manifests) {
      const act = agentActivity(rt, m.agent, m.owner);
      if (act.active) {
        out.kept.push({ agent: m.agent, path: m.path, reason: `agent is active: ${act.reasons.join("; ")}` });
        continue;
      }
      if (!opts.force && existsSync8(m.path)) {
        const dirty = await dirtyPaths(createGit(m.path), m.copies);
        if (dirty.length) {
          out.kept.push({ agent: m.agent, path: m.path, reason: `${dirty.length} uncommitted change(s): lockstep worktree remove ${m.agent} --force` });
          continue;
        }
      }
      if (dryRun) out.removed.push({ agent: m.agent, path: m.path, branch: m.branch, branchDeleted: false, unmergedCommits: 0, discarded: [] });
      else out.removed.push(await removeLocked(rt, git, m, true));
    }
    const known3 = new Set(manifests.map((m) => real(m.path)));
    const dir = real(worktreesDir(rt));
    const registered = await listRegisteredWorktrees(git);
    for (const w of registered) {
      const p = real(w.path);
      if (!p.startsWith(`${dir}/`) || known3.has(p)) continue;
      out.halfBuilt.push(w.path);
      if (!dryRun) {
        await git.run(["worktree", "unlock", w.path]);
        await git.run(["worktree", "remove", "--force", w.path]);
      }
    }
    if (!dryRun) await git.run(["worktree", "prune"]);
    const now = Date.now();
    for (const rec of listAgents({ runtime: rt })) {
      if (readManifest(rt, rec.agent)) continue;
      if (rec.state !== "exited" && (agentProcessAlive(rec, now) || agentLeaseEnd(rec) > now)) continue;
      if (listClaims({ runtime: rt, agent: rec.agent }).length) continue;
      out.agentRecords.push(rec.agent);
      if (!dryRun) removeAgentRecord(rt, rec.agent);
    }
    return out;
  });
}
async function listAgentWorktrees(opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const registered = await listRegisteredWorktrees(createGit(cwd));
  return listManifests(rt).map((m) => {
    const reg = registered.find((w) => real(w.path) === real(m.path));
    const act = agentActivity(rt, m.agent, m.owner);
    return { ...m, exists: existsSync8(m.path), locked: reg?.locked ?? null, active: act.active, activity: act.reasons };
  });
}

// src/merge/merge.ts
import { spawn as spawn3 } from "node:child_process";
import { existsSync as existsSync9, readFileSync as readFileSync14 } from "node:fs";
import { join as join25 } from "node:path";
import { setTimeout as sleep3 } from "node:timers/promises";

// src/merge/merge-queue.ts
import { join as join24 } from "node:path";
function queueDir(rt) {
  return join24(rt.root, "merge", "queue");
}
function enqueueMerge(rt, fields) {
  ensureDir(queueDir(rt));
  const id = identityOf(process.pid);
  const now = Date.now();
  const entry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: "waiting", startedAtMs: null };
  const path = join24(queueDir(rt), `${String(now).padStart(13, "0")}-${process.pid}-${randomHex(3)}.json`);
  writeFileAtomic(path, JSON.stringify(entry));
  return { path, entry };
}
function markMerging(path, entry) {
  entry.state = "merging";
  entry.startedAtMs = Date.now();
  try {
    writeFileAtomic(path, JSON.stringify(entry));
  } catch {
  }
}
function dequeueMerge(path) {
  unlinkQuiet(path);
}

// src/merge/merge.ts
var TRAILER_KEY = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
function validateTrailers(t) {
  const out = [];
  for (const [k, v] of Object.entries(t ?? {})) {
    if (!TRAILER_KEY.test(k)) throw new LockstepError("BAD_INPUT", `invalid trailer key ${JSON.stringify(k)}`);
    if (typeof v !== "string" || /[\r\n]/.test(v) || v.trim() === "") throw new LockstepError("BAD_INPUT", `invalid value for trailer ${k}: one non-empty line`);
    out.push([k, v.trim()]);
  }
  return out;
}
function escapeRegex(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
async function tipOf(git, branch) {
  const r = await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { readOnly: true });
  if (r.code !== 0) throw new LockstepError("NOT_FOUND", `branch ${branch} disappeared during the merge`);
  return r.stdout.trim();
}
async function isAncestor(git, a, b) {
  const r = await git.run(["merge-base", "--is-ancestor", a, b], { readOnly: true });
  if (r.code === 0) return true;
  if (r.code === 1) return false;
  throw new LockstepError("GIT_FAILED", `git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
}
async function findMergeWithTrailer(git, base, key, value) {
  const r = await git.run(["log", "--first-parent", "--format=%H", "-n", "1", "--extended-regexp", `--grep=^${escapeRegex(key)}: ${escapeRegex(value)}$`, base], { readOnly: true });
  const sha = r.code === 0 ? r.stdout.trim() : "";
  return sha || null;
}
var OUTPUT_TAIL = 16 * 1024;
function runCheck(command, cwd, env, timeoutMs) {
  return new Promise((resolveRun) => {
    let output = "";
    let timedOut = false;
    const child = spawn3("sh", ["-c", command], { cwd, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const take = (d) => {
      output += d.toString("utf8");
      if (output.length > OUTPUT_TAIL * 2) output = output.slice(-OUTPUT_TAIL);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    const timer = timeoutMs > 0 ? setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    }, timeoutMs) : null;
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      resolveRun({ exitCode: 127, signal: null, timedOut: false, output: String(e.message) });
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      resolveRun({ exitCode: code, signal, timedOut, output: output.slice(-OUTPUT_TAIL) });
    });
  });
}
function syncMarkerPath(rt) {
  return join25(rt.root, "merge", "syncing.json");
}
async function finishInterruptedSync(rt) {
  const path = syncMarkerPath(rt);
  let m;
  try {
    m = JSON.parse(readFileSync14(path, "utf8"));
  } catch {
    return;
  }
  const unsynced = [];
  for (const co of m.checkouts) {
    if (!existsSync9(co)) continue;
    const cg = createGit(co);
    const head = await cg.run(["rev-parse", "--verify", "--quiet", "HEAD"], { readOnly: true });
    if (head.code !== 0 || head.stdout.trim() !== m.commit) continue;
    const sync = () => cg.run(["read-tree", "-m", "-u", m.old, m.commit]);
    const lock = (await cg.run(["rev-parse", "--path-format=absolute", "--git-path", "index.lock"], { readOnly: true })).stdout.trim();
    const stale = lock && rt.repo && !faultValue("keep-stale-index-lock") ? {
      commonDir: rt.repo.commonDir,
      lock,
      onCleared: async (l) => {
        recordClearedGitLock(rt.root, l, `lockstep merge (sync of ${co})`);
        await restoreDeadSyncFiles(cg, co, m);
      }
    } : void 0;
    const r = await withIndexRetry(sync, Date.now() + INDEX_LOCK_WAIT_MS, stale);
    if (r.code !== 0) unsynced.push(co);
  }
  appendEvent(rt.root, "merge_sync_recovered", { into: m.into, commit: m.commit, checkouts: m.checkouts, unsynced });
  unlinkQuiet(path);
}
var INDEX_LOCK_WAIT_MS = 2e3;
async function restoreDeadSyncFiles(cg, top, m) {
  const changed = splitNul((await cg.run(["diff", "--name-only", "-z", "--no-renames", m.old, m.commit], { readOnly: true })).stdout);
  if (!changed.length) return;
  const target = blobsOf((await cg.run(["ls-tree", "-r", "-z", "--full-tree", m.commit, "--", ...changed], { readOnly: true })).stdout);
  const indexed = blobsOf((await cg.run(["ls-files", "-s", "-z", "--", ...changed], { readOnly: true })).stdout);
  const present = changed.filter((p) => existsSync9(join25(top, p)));
  if (!present.length) return;
  const hashed = await cg.run(["hash-object", "--stdin-paths"], { readOnly: true, input: present.join("\n") + "\n" });
  const hashes = hashed.stdout.trim().split("\n");
  if (hashed.code !== 0 || hashes.length !== present.length) return;
  const written = [];
  for (const [i, p] of present.entries()) {
    if (hashes[i] === target.get(p)) written.push(p);
    else if (hashes[i] !== indexed.get(p)) return;
  }
  const back = written.filter((p) => indexed.has(p));
  if (back.length) await cg.run(["checkout-index", "-f", "-u", "-z", "--stdin"], { input: back.join("\0") + "\0" });
  for (const p of written) if (!indexed.has(p)) unlinkQuiet(join25(top, p));
}
function blobsOf(listing) {
  const out = /* @__PURE__ */ new Map();
  for (const rec of splitNul(listing)) {
    const tab = rec.indexOf("	");
    const fields = rec.slice(0, tab).split(" ");
    const oid = fields[1] === "blob" ? fields[2] : fields[1] === "commit" || fields[1] === "tree" ? void 0 : fields[1];
    if (oid && /^[0-9a-f]{40,64}$/.test(oid)) out.set(rec.slice(tab + 1), oid);
  }
  return out;
}
async function checkoutsOf(git, rt, into) {
  const scratch = join25(rt.root, "merge", "scratch");
  return (await listRegisteredWorktrees(git)).filter((w) => !w.bare && w.branch === `refs/heads/${into}` && !w.path.startsWith(scratch) && existsSync9(w.path)).map((w) => w.path);
}
async function mergeLocked(opts, rt, git, branch, into, h, started) {
  const trailers = validateTrailers(opts.trailers);
  const maxAttempts = opts.maxAttempts ?? 10;
  const waitedMs = h?.waitedMs ?? 0;
  await finishInterruptedSync(rt);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const old = await tipOf(git, into);
    const tip = await tipOf(git, branch);
    const common = { branch, into, branchTip: tip, waitedMs };
    if (await isAncestor(git, tip, old)) return { ...common, status: "up-to-date", commit: old, ms: Date.now() - started };
    if (opts.onceTrailer) {
      const found = await findMergeWithTrailer(git, old, opts.onceTrailer.key, opts.onceTrailer.value);
      if (found) return { ...common, status: "already-merged", commit: found, ms: Date.now() - started };
    }
    const mt = await git.run(["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", old, tip]);
    const fields = mt.stdout.split("\0");
    if (mt.code === 1) {
      const files = [...new Set(fields.slice(1).filter((f) => f !== ""))];
      return { ...common, status: "conflict", base: old, files, ms: Date.now() - started };
    }
    if (mt.code !== 0) {
      if (/usage: git merge-tree|unknown option|write-tree/.test(mt.stderr)) {
        throw new LockstepError("GIT_FAILED", `lockstep merge needs git 2.38 or newer (git merge-tree --write-tree): ${mt.stderr.trim().split("\n")[0]}`, { hint: "upgrade git" });
      }
      throw new LockstepError("GIT_FAILED", `git merge-tree ${old} ${tip} failed: ${mt.stderr.trim()}`);
    }
    const tree = fields[0].trim();
    const subject = opts.message?.trim() || `Merge ${branch} into ${into}`;
    const message = trailers.length ? `${subject}

${trailers.map(([k, v]) => `${k}: ${v}`).join("\n")}
` : `${subject}
`;
    const commit = (await git.exec(["commit-tree", tree, "-p", old, "-p", tip, "-F", "-"], { input: message })).trim();
    let checked2 = false;
    if (opts.check) {
      const scratchRoot = join25(rt.root, "merge", "scratch");
      ensureDir(scratchRoot);
      const scratch = join25(scratchRoot, `${process.pid}-${randomHex(4)}`);
      await git.exec(["worktree", "add", "--quiet", "--detach", scratch, commit]);
      let run;
      try {
        const env = {
          ...process.env,
          LOCKSTEP_MERGE_BRANCH: branch,
          LOCKSTEP_MERGE_INTO: into,
          LOCKSTEP_MERGE_BASE: old,
          LOCKSTEP_MERGE_COMMIT: commit
        };
        if (h) env.LOCKSTEP_LOCK_TOKEN = tokenEnvFor(h);
        run = await runCheck(opts.check, scratch, env, opts.checkTimeoutMs ?? 0);
      } finally {
        await git.run(["worktree", "remove", "--force", scratch]);
      }
      if (run.exitCode !== 0) {
        return { ...common, status: "check-failed", base: old, commit, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, output: run.output, ms: Date.now() - started };
      }
      checked2 = true;
    }
    const sync = opts.syncCheckouts !== false;
    const checkouts = sync ? await checkoutsOf(git, rt, into) : [];
    for (const path of checkouts) {
      const dry = await createGit(path).run(["read-tree", "-m", "-u", "-n", old, commit]);
      if (dry.code !== 0) {
        const reason = dry.stderr.trim().split("\n")[0] ?? "local changes";
        return { ...common, status: "blocked", base: old, checkout: path, reason, ms: Date.now() - started };
      }
    }
    if (checkouts.length) {
      ensureDir(join25(rt.root, "merge"));
      writeFileAtomic(syncMarkerPath(rt), JSON.stringify({ into, old, commit, checkouts }));
    }
    const pause = attempt === 1 ? faultValue("pause-before-merge-cas") : 0;
    if (pause > 0) await sleep3(pause);
    const cas = opts.unsafeNoCas ? await git.run(["update-ref", "-m", `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit]) : await git.run(["update-ref", "-m", `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit, old]);
    if (cas.code !== 0) {
      const now = (await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${into}`], { readOnly: true })).stdout.trim();
      unlinkQuiet(syncMarkerPath(rt));
      if (now !== old) {
        appendEvent(rt.root, "merge_retry", { branch, into, expected: old, found: now, attempt });
        continue;
      }
      if (rt.repo && clearStaleLockNamedIn(cas.stderr, rt.repo.commonDir, rt.root, `lockstep merge ${branch} into ${into}`)) continue;
      throw new LockstepError("GIT_FAILED", `git update-ref refs/heads/${into} failed: ${cas.stderr.trim()}`);
    }
    const after = faultValue("pause-after-merge-cas");
    if (after > 0) await sleep3(after);
    const synced = [];
    const unsynced = [];
    for (const path of checkouts) {
      const r = await createGit(path).run(["read-tree", "-m", "-u", old, commit]);
      if (r.code === 0) synced.push(path);
      else unsynced.push({ path, reason: r.stderr.trim().split("\n")[0] ?? `exit ${r.code}` });
    }
    if (checkouts.length) unlinkQuiet(syncMarkerPath(rt));
    const ms = Date.now() - started;
    appendEvent(rt.root, "merge", { branch, into, status: "merged", commit, previous: old, branchTip: tip, attempts: attempt, waitedMs, ms, agent: opts.agent ?? null });
    return { ...common, status: "merged", commit, previous: old, attempts: attempt, checked: checked2, synced, unsynced, ms };
  }
  throw new LockstepError("CONFLICT", `${into} moved during each of ${maxAttempts} merge attempts of ${branch}: gave up`, {
    hint: `something commits to ${into} without lockstep's lock at a high rate; try again: lockstep merge ${branch} --into ${into}`
  });
}
async function mergeBranch(opts) {
  const cwd = opts.cwd ?? process.cwd();
  const rt = openRuntime({ cwd });
  const git = createGit(cwd);
  const into = opts.into ?? await currentBranch(git);
  const branch = opts.branch;
  await branchCommit(git, into);
  await branchCommit(git, branch);
  if (branch === into) throw new LockstepError("BAD_INPUT", `cannot merge ${branch} into itself`);
  if (opts.checkTimeoutMs !== void 0 && (!Number.isFinite(opts.checkTimeoutMs) || opts.checkTimeoutMs < 0)) throw new LockstepError("BAD_INPUT", `invalid check timeout ${opts.checkTimeoutMs}`);
  validateTrailers(opts.trailers);
  const started = Date.now();
  const entry = enqueueMerge(rt, { branch, into, agent: opts.agent ?? null });
  try {
    const result = await withRepoLock(
      { runtime: rt, cwd, command: `merge ${branch} into ${into}`, agent: opts.agent, task: opts.task, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized },
      async (h) => {
        markMerging(entry.path, entry.entry);
        return mergeLocked(opts, rt, git, branch, into, h, started);
      }
    );
    if (result.status !== "merged") {
      appendEvent(rt.root, result.status === "conflict" ? "merge_conflict" : "merge", {
        branch,
        into,
        status: result.status,
        ...result.status === "conflict" ? { files: result.files.slice(0, 50) } : {},
        ...result.status === "blocked" ? { checkout: result.checkout } : {},
        agent: opts.agent ?? null
      });
    }
    return result;
  } finally {
    dequeueMerge(entry.path);
  }
}

// src/lint/lint.ts
import { relative as relative4, resolve as resolve9, isAbsolute as isAbsolute4 } from "node:path";

// src/lint/shell-text.ts
var IGNORE = /lockstep-lint:\s*ignore(?:\[([a-z0-9,\s-]+)\])?/;
function parseSuppress(comment) {
  const m = IGNORE.exec(comment);
  if (!m) return null;
  if (!m[1]) return "all";
  return new Set(m[1].split(",").map((s) => s.trim()).filter(Boolean));
}
function mergeSuppress(a, b) {
  if (a === "all" || b === "all") return "all";
  if (!a) return b;
  if (!b) return a;
  return /* @__PURE__ */ new Set([...a, ...b]);
}
function scan(text, open) {
  let code = "";
  let quote = open;
  const heredocs = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      code += c;
      if (c === "'") quote = null;
      continue;
    }
    if (c === "\\") {
      if (i === text.length - 1) return { code, comment: "", open: quote, continued: quote === null, heredocs };
      code += c + text[i + 1];
      i++;
      continue;
    }
    if (quote === '"') {
      code += c;
      if (c === '"') quote = null;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      code += c;
      continue;
    }
    if (c === "#") {
      const prev = i === 0 ? " " : text[i - 1];
      if (/[\s;&|()]/.test(prev)) return { code, comment: text.slice(i), open: null, continued: false, heredocs };
    }
    if (c === "<" && text[i + 1] === "<" && text[i + 2] !== "<" && (i === 0 || text[i - 1] !== "<")) {
      const m = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.-]+))/.exec(text.slice(i));
      if (m) heredocs.push({ delim: m[2] ?? m[3] ?? m[4], strip: m[1] === "-" });
    }
    code += c;
  }
  return { code, comment: "", open: quote, continued: false, heredocs };
}
function toCodeLines(lines) {
  const out = [];
  let pendingSuppress = null;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i];
    let s = scan(first.text, null);
    let code = s.code;
    let suppress = parseSuppress(s.comment);
    const heredocs = [...s.heredocs];
    i++;
    while ((s.open || s.continued) && i < lines.length) {
      const next = lines[i];
      const joinWith = s.open ? "\n" : " ";
      s = scan(next.text, s.open);
      code += joinWith + s.code;
      suppress = mergeSuppress(suppress, parseSuppress(s.comment));
      heredocs.push(...s.heredocs);
      i++;
    }
    for (const h of heredocs) {
      while (i < lines.length) {
        const t = lines[i].text;
        i++;
        if ((h.strip ? t.replace(/^\t+/, "") : t) === h.delim) break;
      }
    }
    if (code.trim() === "") {
      if (suppress) pendingSuppress = mergeSuppress(pendingSuppress, suppress);
      continue;
    }
    out.push({ line: first.line, code, masked: maskLiterals(code), suppress: mergeSuppress(suppress, pendingSuppress) });
    pendingSuppress = null;
  }
  return out;
}
function wordsFrom(code, start) {
  const words = [];
  let w = "";
  let inWord = false;
  let i = start;
  const push = () => {
    if (inWord) words.push(w);
    w = "";
    inWord = false;
  };
  for (; i < code.length; i++) {
    const c = code[i];
    if (c === " " || c === "	") {
      push();
      continue;
    }
    if (c === ";" || c === "&" || c === "|" || c === ")" || c === "\n") break;
    inWord = true;
    if (c === "'") {
      const j = code.indexOf("'", i + 1);
      const end = j < 0 ? code.length : j;
      w += code.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < code.length && code[j] !== '"'; j++) {
        if (code[j] === "\\") j++;
        else if (code[j] === "$" && code[j + 1] === "(") j = skipParens(code, j + 1);
      }
      w += code.slice(i + 1, Math.min(j, code.length));
      i = j;
    } else if (c === "\\") {
      w += code[i + 1] ?? "";
      i++;
    } else if (c === "$" && code[i + 1] === "(") {
      const j = skipParens(code, i + 1);
      w += code.slice(i, j + 1);
      i = j;
    } else if (c === "`") {
      const j = code.indexOf("`", i + 1);
      const end = j < 0 ? code.length - 1 : j;
      w += code.slice(i, end + 1);
      i = end;
    } else w += c;
  }
  push();
  return { words, end: i };
}
function skipParens(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === "\\") {
      i++;
    } else if (c === "'") {
      const j = code.indexOf("'", i + 1);
      i = j < 0 ? code.length : j;
    } else if (c === "(") depth++;
    else if (c === ")") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return code.length;
}
function commandPositions(code, name) {
  const out = [];
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`(^|[;&|({\`!\\n]|\\$\\(|\\b(?:then|do|else|time|exec|command|sudo|env|xargs)\\s)\\s*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*${esc}(?=[\\s;&|)]|$)`, "g");
  for (let m = re.exec(code); m; m = re.exec(code)) {
    out.push(m.index + m[0].length);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}
function maskLiterals(code) {
  const out = code.split("");
  let i = 0;
  const blank = (from, to) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== "\n") out[k] = " ";
  };
  while (i < code.length) {
    const c = code[i];
    if (c === "\\") {
      i += 2;
    } else if (c === "'") {
      const j = code.indexOf("'", i + 1);
      const end = j < 0 ? code.length : j;
      blank(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== '"') {
        if (code[j] === "\\") {
          blank(j, j + 2);
          j += 2;
        } else if (code[j] === "$" && code[j + 1] === "(") {
          j = skipParens(code, j + 1) + 1;
        } else if (code[j] === "`") {
          const k = code.indexOf("`", j + 1);
          j = (k < 0 ? code.length : k) + 1;
        } else {
          blank(j, j + 1);
          j++;
        }
      }
      i = j + 1;
    } else i++;
  }
  return out.join("");
}

// src/lint/rules/git-add-all.ts
var VALUED_GLOBALS = /* @__PURE__ */ new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--config-env"]);
var COMMIT_VALUED = /* @__PURE__ */ new Set(["m", "F", "c", "C", "t", "u", "S"]);
var BROAD_PATHSPECS = /* @__PURE__ */ new Set([".", "./", ":/", ":/:", "*", ":(top)"]);
function subcommand(words) {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (VALUED_GLOBALS.has(w)) i++;
    else if (!w.startsWith("-")) return { sub: w, args: words.slice(i + 1) };
  }
  return null;
}
function broadAdd(args) {
  const paths = [];
  let all = null;
  let afterDashes = false;
  for (const a of args) {
    if (!afterDashes && a === "--") afterDashes = true;
    else if (!afterDashes && a.startsWith("-")) {
      if (a === "--all" || a === "--no-ignore-removal" || a === "--update" || /^-[A-Za-z]+$/.test(a) && /[Au]/.test(a)) all = a;
    } else paths.push(a);
  }
  const broad = paths.find((p) => BROAD_PATHSPECS.has(p));
  if (broad) return `git add ${broad}`;
  if (all && paths.length === 0) return `git add ${all}`;
  return null;
}
function broadCommit(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") return null;
    if (a === "--all") return "git commit --all";
    if (/^-[A-Za-z]+$/.test(a)) {
      for (const ch of a.slice(1)) {
        if (ch === "a") return `git commit ${a}`;
        if (COMMIT_VALUED.has(ch)) break;
      }
      if (a.length === 2 && COMMIT_VALUED.has(a[1]) && a !== "-u" && a !== "-S") i++;
    }
  }
  return null;
}
var gitAddAll = {
  id: "git-add-all",
  summary: "stages everything in the worktree, including files other tasks are editing",
  fix: "stage and commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH\u2026",
  check(lines) {
    const hits = [];
    for (const l of lines) {
      for (const pos of commandPositions(l.masked, "git")) {
        const s = subcommand(wordsFrom(l.code, pos).words);
        if (!s) continue;
        const what = s.sub === "add" ? broadAdd(s.args) : s.sub === "commit" ? broadCommit(s.args) : null;
        if (!what) continue;
        hits.push({
          line: l.line,
          message: s.sub === "add" ? `\`${what}\` stages every change in the worktree, other tasks' files included` : `\`${what}\` commits every modified tracked file, other tasks' edits included`
        });
      }
    }
    return hits;
  }
};

// src/lint/rules/newest-file-discovery.ts
var TAKE_ONE = /^\|\s*(?:(?:sort|grep|xargs|sed|awk|cut)\b[^|]*\|\s*)*(head|tail)\s+(?:-1\b|-n\s*\+?1\b|--lines[= ]1\b)/;
var BY_TIME = /(?:-printf\s+\S*%[TAC][@+]|\bstat\b[^|]*%[YZXW])[^|]*\|\s*sort\b[^|]*\|\s*(?:head|tail)\s+(?:-1\b|-n\s*1\b)/;
var HELPER = /(?:^|[\s;&|(`{]|\$\()([A-Za-z_][A-Za-z0-9_]*(?:latest|newest|most_recent)[A-Za-z0-9_]*)(?![A-Za-z0-9_=])/gi;
var newestFileDiscovery = {
  id: "newest-file-discovery",
  summary: "picking the newest file finds whichever concurrent instance wrote last, not this one",
  fix: "lockstep state discover PREFIX --owner KEY finds this instance's own state",
  check(lines) {
    const hits = [];
    for (const l of lines) {
      let found = null;
      for (const pos of commandPositions(l.masked, "ls")) {
        const { words, end } = wordsFrom(l.code, pos);
        const byTime = words.some((w) => /^-[A-Za-z1]*t[A-Za-z1]*$/.test(w) || w === "--sort=time");
        if (byTime && TAKE_ONE.test(l.masked.slice(end))) found = `\`ls ${words.filter((w) => w.startsWith("-")).join(" ")} \u2026 | ${TAKE_ONE.exec(l.masked.slice(end))[1]}\``;
      }
      if (!found && BY_TIME.test(l.code)) found = "sorting files by time and taking one";
      if (!found) {
        HELPER.lastIndex = 0;
        for (let m = HELPER.exec(l.masked); m; m = HELPER.exec(l.masked)) {
          if (/state|file|id|dir/i.test(m[1])) {
            found = `\`${m[1]}\``;
            break;
          }
        }
      }
      if (found) hits.push({ line: l.line, message: `${found} picks the newest file: a concurrent instance's newer file wins` });
    }
    return hits;
  }
};

// src/lint/rules/remove-git-lock.ts
var GIT_LOCK = /(^|\/)(index|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|packed-refs|config|shallow)\.lock$|(^|\/)\.git\/.*\.lock$|git-dir\)\/.*\.lock$|GIT_DIR\}?\/.*\.lock$/;
var removeGitLock = {
  id: "remove-git-lock",
  summary: "removes git's lock file whether or not a git process still works under it, breaking that operation",
  fix: "lockstep git-locks --clear (removes only a lock file no live git process can hold)",
  check(lines) {
    const hits = [];
    for (const l of lines) {
      for (const cmd of ["rm", "unlink"]) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const target = wordsFrom(l.code, pos).words.find((w) => !w.startsWith("-") && GIT_LOCK.test(w));
          if (target) hits.push({ line: l.line, message: `\`${cmd} ${target}\` removes git's lock even while a git process holds it` });
        }
      }
    }
    return hits;
  }
};

// src/lint/rules/second-precision-id.ts
var ID_NAME = /(^|_)id$|[a-z]Id$/i;
var NAME_CHAR = /[A-Za-z0-9_.-]/;
function enclosingSubstitution(code, at) {
  const before = code.slice(0, at).replace(/\s+$/, "");
  if (before.endsWith("$(")) {
    const open = before.length - 1;
    return [open - 1, skipParens(code, open)];
  }
  if (before.endsWith("`")) {
    const start = before.length - 1;
    const end = code.indexOf("`", at);
    return [start, end < 0 ? code.length - 1 : end];
  }
  return null;
}
var secondPrecisionId = {
  id: "second-precision-id",
  summary: "an id built from a one-second clock collides when two instances start in the same second",
  fix: "use lockstep state init PREFIX (nanoseconds + pid + random), or at least $(date +%s%N)_$$",
  check(lines) {
    const hits = [];
    for (const l of lines) {
      for (const pos of commandPositions(l.masked, "date")) {
        const { words } = wordsFrom(l.code, pos);
        const format = words.find((w) => w.startsWith("+"));
        if (!format || !/%[sSTr]/.test(format) || /%\d*N/.test(format)) continue;
        const sub = enclosingSubstitution(l.code, pos - "date".length);
        if (!sub) continue;
        const [start, end] = sub;
        const prev = l.code[start - 1] ?? "";
        const next = l.code[end + 1] ?? "";
        const assigned = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(l.code.slice(0, start));
        const glued = NAME_CHAR.test(prev) && prev !== "" || NAME_CHAR.test(next) && next !== "";
        const idVar = assigned && ID_NAME.test(assigned[1]) ? assigned[1] : null;
        if (!glued && !idVar) continue;
        hits.push({
          line: l.line,
          message: `\`date ${format}\` has one-second resolution${idVar ? ` but makes the id \`${idVar}\`` : " but makes part of a name"}: instances started in the same second collide`
        });
      }
    }
    return hits;
  }
};

// src/lint/rules/singleton-state-file.ts
var DIRLIKE = /(DIR|ROOT|HOME|PWD|TMP|TEMP|BASE|PROJECT|REPO|WORKSPACE|CACHE|CONFIG|FOLDER|LOCATION)$/i;
var READERS = ["cat", "head", "tail", "source", ".", "jq", "cut", "sed", "awk", "grep", "readarray", "mapfile"];
var VAR_ONLY = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/;
var PER_INSTANCE = /\$\$|\$\(|`|%\d*N|mktemp|\$\{?(?:RANDOM|BASHPID|PPID|SRANDOM)\b|\$\{?[0-9@*#?!]/;
function isFixedPath(value, perInstance = /* @__PURE__ */ new Set()) {
  if (!value.includes("/") && !/\.(txt|id|state|json|sh|env|pid|tmp|dat)$/.test(value)) return false;
  if (value.startsWith("/dev/") || value.startsWith("/proc/")) return false;
  if (PER_INSTANCE.test(value)) return false;
  for (const m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!DIRLIKE.test(m[1]) || perInstance.has(m[1])) return false;
  return true;
}
function targetKey(word, fixedVars, perInstance) {
  if (!word) return null;
  const v = VAR_ONLY.exec(word);
  if (v) return fixedVars.has(v[1]) ? { key: `$${v[1]}`, label: `$${v[1]}` } : null;
  return isFixedPath(word, perInstance) ? { key: word, label: word } : null;
}
var ASSIGN = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=/g;
function assignments(lines) {
  const out = [];
  for (const l of lines) {
    for (const m of l.masked.matchAll(ASSIGN)) out.push({ name: m[1], value: wordsFrom(l.code, m.index + m[0].length).words[0] ?? "" });
  }
  return out;
}
function perInstanceVariables(assigned) {
  const vars = /* @__PURE__ */ new Set();
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of assigned) {
      if (vars.has(a.name)) continue;
      const refs = [...a.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
      if (PER_INSTANCE.test(a.value) || refs.some((r) => vars.has(r))) {
        vars.add(a.name);
        changed = true;
      }
    }
  }
  return vars;
}
function fixedVariables(assigned, perInstance) {
  const vars = /* @__PURE__ */ new Map();
  for (const a of assigned) if (!perInstance.has(a.name) && isFixedPath(a.value, perInstance)) vars.set(a.name, a.value);
  return vars;
}
function lineList(lines) {
  const at = [...new Set(lines)].sort((a, b) => a - b);
  return `line${at.length > 1 ? "s" : ""} ${at.slice(0, 5).join(", ")}${at.length > 5 ? ", \u2026" : ""}`;
}
var singletonStateFile = {
  id: "singleton-state-file",
  summary: "one step writes an id to a fixed path and a later step reads it back; concurrent instances overwrite each other",
  fix: "lockstep state init PREFIX --owner KEY in the first step, lockstep state discover PREFIX --owner KEY in later ones",
  check(lines) {
    const assigned = assignments(lines);
    const perInstance = perInstanceVariables(assigned);
    const fixedVars = fixedVariables(assigned, perInstance);
    const writes = [];
    const reads = [];
    const key = (w) => targetKey(w, fixedVars, perInstance);
    for (const l of lines) {
      const code = l.code;
      for (const m of l.masked.matchAll(/(^|[^<>&0-9])(?:&)?>>?\|?\s*/g)) {
        const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        if (t) writes.push({ ...t, line: l.line });
      }
      for (const pos of commandPositions(l.masked, "tee")) {
        const t = key(wordsFrom(code, pos).words.find((w) => !w.startsWith("-")));
        if (t) writes.push({ ...t, line: l.line });
      }
      for (const m of l.masked.matchAll(/(^|[^<0-9])<\s*(?![<(])/g)) {
        const t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        if (t) reads.push({ ...t, line: l.line });
      }
      for (const cmd of READERS) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const words = wordsFrom(code, pos).words;
          for (let i = 0; i < words.length; i++) {
            const w = words[i];
            if (/^\d*(?:[<>]{1,2}|&>>?)&?$/.test(w)) i++;
            else if (!w.startsWith("-") && !/^\d*[<>&]/.test(w)) {
              const t = key(w);
              if (t) reads.push({ ...t, line: l.line });
            }
          }
        }
      }
    }
    const hits = [];
    const keys = [...new Set(writes.map((w) => w.key))];
    for (const k of keys) {
      const ws = writes.filter((w) => w.key === k);
      const writeLines = new Set(ws.map((w) => w.line));
      const back = reads.filter((r) => r.key === k && !writeLines.has(r.line));
      if (back.length === 0) continue;
      const first = ws[0];
      const what = k.startsWith("$") ? `${first.label} (= ${fixedVars.get(k.slice(1))})` : first.label;
      const also = writeLines.size > 1 ? ` (also written at ${lineList([...writeLines].filter((n) => n !== first.line))})` : "";
      hits.push({ line: first.line, message: `${what} is one fixed path for every instance: written here${also}, read back at ${lineList(back.map((r) => r.line))}; a concurrent instance overwrites it in between` });
    }
    return hits.sort((a, b) => a.line - b.line);
  }
};

// src/lint/rules/source-state-file.ts
var STATEISH = /state|workflow/i;
var LIBRARY = /(^|\/)lib\//;
var sourceStateFile = {
  id: "source-state-file",
  summary: "sourcing a state file executes whatever its values hold",
  fix: 'eval "$(lockstep state env ID)" \u2014 values come back as quoted exports and never run',
  check(lines) {
    const hits = [];
    for (const l of lines) {
      for (const cmd of ["source", "."]) {
        for (const pos of commandPositions(l.masked, cmd)) {
          const arg = wordsFrom(l.code, pos).words[0];
          if (!arg || arg.startsWith("<(") || !STATEISH.test(arg) || LIBRARY.test(arg)) continue;
          hits.push({ line: l.line, message: `\`${cmd} ${arg}\` runs a state file as shell code: a value holding $(\u2026) or a backtick executes` });
        }
      }
      for (const pos of commandPositions(l.masked, "eval")) {
        const text = wordsFrom(l.code, pos).words.join(" ");
        if (/\$\(\s*(?:cat\s|<)/.test(text) && STATEISH.test(text)) {
          hits.push({ line: l.line, message: `\`eval ${text}\` runs a state file's content as shell code` });
        }
      }
    }
    return hits;
  }
};

// src/lint/rules/index.ts
var RULES = [singletonStateFile, secondPrecisionId, sourceStateFile, gitAddAll, newestFileDiscovery, removeGitLock];

// src/lint/sources.ts
import { closeSync as closeSync5, lstatSync as lstatSync3, openSync as openSync5, readdirSync as readdirSync11, readFileSync as readFileSync15, readSync as readSync2, statSync as statSync12 } from "node:fs";
import { extname, join as join26 } from "node:path";
var SHELL_EXT = /* @__PURE__ */ new Set([".sh", ".bash", ".zsh", ".ksh"]);
var MARKDOWN_EXT = /* @__PURE__ */ new Set([".md", ".markdown", ".mdx"]);
var SHELL_FENCE = /* @__PURE__ */ new Set(["bash", "sh", "shell", "zsh", "ksh", "dash"]);
var SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
function hasShellShebang(path) {
  let fd = null;
  try {
    fd = openSync5(path, "r");
    const buf = Buffer.alloc(128);
    const n = readSync2(fd, buf, 0, 128, 0);
    const first = buf.subarray(0, n).toString("utf8").split("\n")[0] ?? "";
    return /^#!.*\b(ba|z|k|da)?sh\b/.test(first);
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync5(fd);
  }
}
function kindInWalk(path, name) {
  const ext = extname(name).toLowerCase();
  if (SHELL_EXT.has(ext)) return "shell";
  if (MARKDOWN_EXT.has(ext)) return "markdown";
  if (ext === "" && hasShellShebang(path)) return "shell";
  return null;
}
function collectSources(paths) {
  const out = [];
  const walk = (dir) => {
    let names;
    try {
      names = readdirSync11(dir).sort();
    } catch (e) {
      throw fsError(e, "read directory", dir);
    }
    for (const name of names) {
      const p = join26(dir, name);
      let st;
      try {
        st = lstatSync3(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name)) walk(p);
      } else if (st.isFile()) {
        const kind = kindInWalk(p, name);
        if (kind) out.push({ path: p, kind });
      }
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync12(p);
    } catch (e) {
      if (e.code === "ENOENT") throw new LockstepError("NOT_FOUND", `${p} does not exist`, { hint: "lockstep lint [PATHS\u2026] takes files and directories" });
      throw fsError(e, "read", p);
    }
    if (st.isDirectory()) walk(p);
    else out.push({ path: p, kind: MARKDOWN_EXT.has(extname(p).toLowerCase()) ? "markdown" : "shell" });
  }
  return out;
}
function markdownShellBlocks(text) {
  const lines = text.split(/\r?\n/);
  const blocks = [];
  let fence = null;
  let cur = [];
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i];
    if (!fence) {
      const m = /^( {0,3})(`{3,}|~{3,})\s*([^\s`{]*)?/.exec(t);
      if (m) {
        const info = (m[3] ?? "").toLowerCase().replace(/^\{?\.?/, "");
        fence = { char: m[2][0], len: m[2].length, shell: SHELL_FENCE.has(info), indent: m[1].length };
        cur = [];
      }
      continue;
    }
    const close = new RegExp(`^ {0,3}${fence.char === "`" ? "`" : "~"}{${fence.len},}\\s*$`);
    if (close.test(t)) {
      if (fence.shell) blocks.push(cur);
      fence = null;
      continue;
    }
    if (fence.shell) cur.push({ line: i + 1, text: fence.indent ? t.replace(new RegExp(`^ {0,${fence.indent}}`), "") : t });
  }
  if (fence?.shell) blocks.push(cur);
  return blocks;
}
function readSource(file) {
  let text;
  try {
    text = readFileSync15(file.path, "utf8");
  } catch (e) {
    throw fsError(e, "read", file.path);
  }
  if (file.kind === "markdown") return markdownShellBlocks(text);
  return [text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }))];
}

// src/lint/lint.ts
function suppressed(l, rule) {
  if (!l?.suppress) return false;
  return l.suppress === "all" || l.suppress.has(rule);
}
function display(path, cwd) {
  const rel = relative4(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute4(rel) ? rel : path;
}
function lintText(blocks, rules = RULES) {
  const lines = blocks.flatMap((b) => toCodeLines(b));
  const byLine = new Map(lines.map((l) => [l.line, l]));
  const out = [];
  for (const rule of rules) {
    for (const hit of rule.check(lines)) {
      if (suppressed(byLine.get(hit.line), rule.id)) continue;
      out.push({ line: hit.line, rule: rule.id, message: hit.message, fix: rule.fix });
    }
  }
  return out.sort((a, b) => a.line - b.line || RULES.findIndex((r) => r.id === a.rule) - RULES.findIndex((r) => r.id === b.rule));
}
function lintPaths(opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const paths = (opts.paths?.length ? opts.paths : ["."]).map((p) => resolve9(cwd, p));
  const rules = opts.rules ? RULES.filter((r) => opts.rules.includes(r.id)) : RULES;
  const files = collectSources(paths);
  const findings = [];
  for (const f of files) {
    const shown = display(f.path, cwd);
    for (const h of lintText(readSource(f), rules)) findings.push({ file: shown, ...h });
  }
  return { ok: findings.length === 0, filesScanned: files.length, findings };
}

// src/git/config-files.ts
import { readFileSync as readFileSync16, realpathSync as realpathSync6, statSync as statSync13 } from "node:fs";
import { delimiter as delimiter2, dirname as dirname6, join as join27, resolve as resolve10 } from "node:path";
var CONFIG_ENV = ["GIT_DIR", "GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS"];
var INCLUDE = /^\s*\[\s*include/im;
function systemFiles(env) {
  const files = ["/etc/gitconfig"];
  for (const dir of (env.PATH ?? "").split(delimiter2)) {
    if (!dir) continue;
    try {
      if (statSync13(join27(dir, "git"), { throwIfNoEntry: false })?.isFile()) {
        files.push(join27(dirname6(resolve10(dir)), "etc", "gitconfig"));
        break;
      }
    } catch {
    }
  }
  return files;
}
function gitConfigMayMention(cwd, word, env = process.env) {
  if (process.platform === "win32") return true;
  if (CONFIG_ENV.some((k) => env[k] !== void 0)) return true;
  const files = systemFiles(env);
  const home = env.HOME;
  if (home) files.push(join27(home, ".gitconfig"));
  const xdg = env.XDG_CONFIG_HOME || (home ? join27(home, ".config") : "");
  if (xdg) files.push(join27(xdg, "git", "config"));
  let real2;
  try {
    real2 = realpathSync6.native(cwd);
  } catch {
    return true;
  }
  const checkout = findCheckout(real2);
  if (checkout) files.push(join27(checkout.commonDir, "config"), join27(checkout.gitDir, "config.worktree"));
  const needle = word.toLowerCase();
  for (const f of files) {
    let text;
    try {
      text = readFileSync16(f, "utf8");
    } catch (e) {
      if (e.code === "ENOENT" || e.code === "ENOTDIR") continue;
      return true;
    }
    if (INCLUDE.test(text) || text.toLowerCase().includes(needle)) return true;
  }
  return false;
}

// src/remote/refs.ts
import { createHash } from "node:crypto";
var DEFAULT_REMOTE = "origin";
var REF_ROOT = "refs/lockstep/";
var lockRef = (name) => `refs/lockstep/locks/${name}`;
var fenceRef = (name) => `refs/lockstep/fence/${name}`;
var allocPrefix = (rootHash2) => `refs/lockstep/alloc/${rootHash2}/`;
var allocHeadRef = (rootHash2) => `${allocPrefix(rootHash2)}head`;
var allocNumberRef = (rootHash2, n) => `${allocPrefix(rootHash2)}${n}`;
var claimPrefix = (queue) => `refs/lockstep/claims/${queue}/`;
var claimRef = (queue, item) => `${claimPrefix(queue)}${item}`;
function refSafe(name, what) {
  if (name.includes("..") || name.endsWith(".") || name.endsWith(".lock")) {
    throw new LockstepError("BAD_NAME", `invalid ${what} ${JSON.stringify(name)} for the remote backend: git ref names may not contain "..", end with "." or end with ".lock"`, {
      hint: `pick another ${what}, e.g. ${JSON.stringify(name.replace(/\.\.+/g, ".").replace(/\.lock$/, "-lock").replace(/\.$/, ""))}`
    });
  }
  return name;
}
function validateRemoteLockName(name) {
  return refSafe(validateLockName(name), "lock name");
}
function validateRemoteName(name) {
  if (typeof name !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes("..") || name.endsWith(".lock")) {
    throw new LockstepError("BAD_NAME", `invalid git remote name ${JSON.stringify(name)}`, { hint: "list the remotes of this clone: git remote -v" });
  }
  return name;
}
function rootHash(relativeRoot2) {
  return createHash("sha256").update(`lockstep-alloc-root\0${relativeRoot2}`).digest("hex").slice(0, 16);
}

// src/remote/backend.ts
var BACKEND_ENV = "LOCKSTEP_BACKEND";
var BACKEND_CONFIG = "lockstep.backend";
var BACKEND_HELP = `file (default) or remote[:NAME] to coordinate through the git remote NAME (default ${DEFAULT_REMOTE}); default from $${BACKEND_ENV} or git config ${BACKEND_CONFIG}`;
function parseBackend(spec, source = "--backend") {
  const s = spec.trim();
  if (s === "file") return { kind: "file" };
  if (s === "remote") return { kind: "remote", remote: DEFAULT_REMOTE };
  if (s.startsWith("remote:")) {
    const name = s.slice("remote:".length);
    try {
      return { kind: "remote", remote: validateRemoteName(name) };
    } catch (e) {
      throw new LockstepError("BAD_INPUT", `${source}: ${e.message}`, { hint: "list the remotes of this clone: git remote -v" });
    }
  }
  throw new LockstepError("BAD_INPUT", `${source} takes "file", "remote" or "remote:NAME", not ${JSON.stringify(spec)}`);
}
function selectBackend(opts = {}) {
  if (opts.flag !== void 0) return parseBackend(opts.flag, "--backend");
  const env = opts.env ?? process.env;
  const fromEnv = env[BACKEND_ENV];
  if (fromEnv) return parseBackend(fromEnv, BACKEND_ENV);
  const cwd = opts.cwd ?? process.cwd();
  if (!gitConfigMayMention(cwd, "lockstep")) return { kind: "file" };
  const r = createGit(cwd).runSync(["config", "--get", BACKEND_CONFIG], { readOnly: true });
  if (r.code === 0 && r.stdout.trim()) return parseBackend(r.stdout.trim(), `git config ${BACKEND_CONFIG}`);
  return { kind: "file" };
}

// src/remote/lock.ts
import { join as join30 } from "node:path";
import { setTimeout as sleep4 } from "node:timers/promises";

// src/remote/observations.ts
import { createHash as createHash2 } from "node:crypto";
import { join as join28 } from "node:path";
function monoNowMs() {
  return Number(process.hrtime.bigint() / 1000000n);
}
function leaseGraceMs(leaseMs) {
  return Math.max(500, Math.ceil(leaseMs / 50));
}
var Observer = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.dir = join28(ctx.runtime.root, "remote", ctx.remote, "seen");
  }
  ctx;
  dir;
  memory = /* @__PURE__ */ new Map();
  file(ref) {
    return join28(this.dir, `${createHash2("sha256").update(`${this.ctx.url}\0${ref}`).digest("hex").slice(0, 32)}.json`);
  }
  /** The monotonic time this machine first saw `ref` at `oid` (now, if this is the first time). */
  firstSeen(ref, oid) {
    const now = monoNowMs();
    const mem = this.memory.get(ref);
    let earliest = mem && mem.oid === oid ? mem.mono : now;
    const boot = bootId();
    let stored;
    try {
      stored = readJsonFile(this.file(ref), "remote sighting");
    } catch {
      stored = void 0;
    }
    if (stored && stored.oid === oid && stored.boot === boot && stored.ref === ref && Number.isFinite(stored.mono) && stored.mono <= now) {
      earliest = Math.min(earliest, stored.mono);
    } else {
      try {
        ensureDir(this.dir);
        writeFileAtomic(this.file(ref), JSON.stringify({ ref, oid, mono: earliest, boot }));
      } catch {
      }
    }
    this.memory.set(ref, { oid, mono: earliest });
    return earliest;
  }
};
function judgeLease(holder, firstSeenMono, nowMono = monoNowMs()) {
  const leaseMs = holder && Number.isFinite(holder.leaseMs) && holder.leaseMs >= 0 ? holder.leaseMs : DEFAULT_FOREIGN_LEASE_MS;
  if (holder && holder.host === hostId()) {
    const l = liveness(holder);
    if (l.state === "dead") return { expired: true, reason: `${l.reason} (same host)` };
  }
  const needed = leaseMs + leaseGraceMs(leaseMs);
  const seen = nowMono - firstSeenMono;
  if (seen >= needed) {
    return { expired: true, reason: `lease of ${fmtS(leaseMs)} ran out: unchanged for ${fmtS(seen)} as seen from host ${hostId()}` };
  }
  return { expired: false, remainingMs: needed - seen, reason: `lease of ${fmtS(leaseMs)}: seen unchanged for ${fmtS(seen)} here` };
}
var DEFAULT_FOREIGN_LEASE_MS = 12e4;
function fmtS(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}

// src/remote/transport.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync10, linkSync as linkSync9, mkdirSync as mkdirSync6, unlinkSync as unlinkSync5, writeFileSync as writeFileSync7 } from "node:fs";
import { join as join29 } from "node:path";
import { deflateSync } from "node:zlib";

// src/remote/errors.ts
var UNREACHABLE = [
  /unable to connect/i,
  /connection refused/i,
  /connection reset/i,
  /connection timed out/i,
  /could not read from remote repository/i,
  /could not resolve host/i,
  /unable to access/i,
  /the remote end hung up/i,
  /early EOF/i,
  /network is unreachable/i,
  /no route to host/i,
  /broken pipe/i,
  /unexpected disconnect/i,
  /protocol error/i,
  // The connection cut in the middle of the protocol exchange (server killed mid-call):
  /expected flush/i,
  /expected (?:packfile|response end|wanted-ref|acknowledgments)/i,
  /unexpected end of file/i,
  /bad (?:packet|band|line length)/i,
  /invalid packet/i,
  /eof before pack header/i,
  /does not appear to be a git repository/i,
  /repository .* not found/i,
  /no such remote/i
];
function looksUnreachable(stderr) {
  return UNREACHABLE.some((re) => re.test(stderr));
}
function unreachableError(remote, url, what, stderr, timedOut = false) {
  const said = firstFatal(stderr);
  const reason = timedOut ? "it did not answer in time" : said || "git could not talk to it";
  return new LockstepError("REMOTE_UNREACHABLE", `the git remote ${remote} (${url}) is unreachable while trying to ${what}: ${reason}; nothing was changed by this call`, {
    hint: `check the remote: git ls-remote ${remote}; or run without the remote backend (--backend file) on a single machine`,
    detail: { remote, url, stderr: stderr.trim().slice(0, 2e3), timedOut }
  });
}
function ambiguousPushError(remote, url, what, stderr, timedOut) {
  const e = unreachableError(remote, url, what, stderr, timedOut);
  return new LockstepError("REMOTE_UNREACHABLE", e.message.replace("nothing was changed by this call", "the connection broke while pushing: if the server applied it, the ref expires by its lease (locks, claims) or leaves a gap (allocation), never a duplicate"), {
    hint: e.hint,
    detail: e.detail
  });
}
function refusedError(remote, url, refs, reason, stderr) {
  const remoteSaid = stderr.split("\n").filter((l) => l.startsWith("remote:")).map((l) => l.replace(/^remote:\s*/, "").trim()).filter(Boolean).join(" / ");
  return new LockstepError(
    "REMOTE_REFUSED",
    `the git remote ${remote} (${url}) refuses lockstep's refs (${refs.join(", ")}): ${reason}${remoteSaid ? ` \u2014 the server said: ${remoteSaid}` : ""}`,
    {
      hint: `the remote backend needs the server to accept pushes to refs/lockstep/* (check receive.hideRefs, pre-receive hooks and ref protection rules on the server; test with: lockstep remote check --remote ${remote}), or use --backend file`,
      detail: { remote, url, refs, reason, stderr: stderr.trim().slice(0, 2e3) }
    }
  );
}
function firstFatal(stderr) {
  const line = stderr.split("\n").find((l) => /^(fatal|error):/.test(l.trim()));
  return (line ?? stderr.split("\n").find((l) => l.trim()) ?? "").trim().replace(/^(fatal|error):\s*/, "");
}
function classifyPushSummary(flag, summary) {
  if (flag !== "!") return "ok";
  const s = summary.toLowerCase();
  if (/stale info|fetch first|non-fast-forward|already exists|atomic push failed|atomic transaction failed|failed to update ref|failed to lock|cannot lock ref|incorrect old value|expected|failed to delete/.test(s)) return "conflict";
  return "refused";
}

// src/remote/transport.ts
var DEFAULT_NETWORK_TIMEOUT_MS = 3e4;
var QUIET = ["-c", "gc.auto=0", "-c", "maintenance.auto=false", "-c", "fetch.writeCommitGraph=false"];
var contexts = /* @__PURE__ */ new Map();
function openRemote(opts = {}) {
  const cwd = opts.cwd ?? process.cwd();
  const remote = validateRemoteName(opts.remote ?? DEFAULT_REMOTE);
  const networkTimeoutMs = opts.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS;
  const key = `${cwd}\0${remote}\0${networkTimeoutMs}`;
  const hit = contexts.get(key);
  if (hit) return hit;
  const runtime = openRuntime({ cwd });
  const git = createGit(cwd);
  const r = git.runSync(["remote", "get-url", "--push", remote], { readOnly: true });
  if (r.code !== 0) {
    throw new LockstepError("NOT_FOUND", `this clone has no git remote named ${remote}`, {
      hint: `list the remotes (git remote -v) and pick one with --backend remote:NAME, or add it: git remote add ${remote} URL`,
      detail: { remote, stderr: r.stderr.trim() }
    });
  }
  const topLevel = runtime.repo?.topLevel ?? cwd;
  const ctx = { git, remote, url: r.stdout.trim(), runtime, topLevel, networkTimeoutMs };
  contexts.set(key, ctx);
  return ctx;
}
async function listRemoteRefs(ctx, patterns, what) {
  const r = await ctx.git.run([...QUIET, "ls-remote", "--refs", ctx.remote, ...patterns], { readOnly: true, timeoutMs: ctx.networkTimeoutMs });
  if (r.code !== 0 || r.timedOut) throw networkFailure(ctx, what, r.stderr, r.timedOut);
  const out = /* @__PURE__ */ new Map();
  for (const line of r.stdout.split("\n")) {
    const tab = line.indexOf("	");
    if (tab <= 0) continue;
    out.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return out;
}
function networkFailure(ctx, what, stderr, timedOut = false) {
  if (timedOut || looksUnreachable(stderr) || stderr.trim() === "") return unreachableError(ctx.remote, ctx.url, what, stderr, timedOut);
  return new LockstepError("GIT_FAILED", `git failed while trying to ${what} on the remote ${ctx.remote} (${ctx.url}): ${stderr.trim().split("\n").slice(-3).join(" / ")}`, {
    detail: { remote: ctx.remote, stderr: stderr.trim().slice(0, 2e3) }
  });
}
function recordOid(ctx, record) {
  const body = Buffer.from(JSON.stringify(record) + "\n", "utf8");
  return createHash3(objectFormat(ctx)).update(`blob ${body.length}\0`).update(body).digest("hex");
}
var formats = /* @__PURE__ */ new Map();
function objectFormat(ctx) {
  let f = formats.get(ctx.git.cwd);
  if (!f) {
    const r = ctx.git.runSync(["rev-parse", "--show-object-format"], { readOnly: true });
    f = r.code === 0 && r.stdout.trim() === "sha256" ? "sha256" : "sha1";
    formats.set(ctx.git.cwd, f);
  }
  return f;
}
async function writeRecord(ctx, record) {
  const text = JSON.stringify(record) + "\n";
  const objects = ctx.runtime.repo ? join29(ctx.runtime.repo.commonDir, "objects") : null;
  if (objects && !process.env.GIT_OBJECT_DIRECTORY) {
    const oid = recordOid(ctx, record);
    const dir = join29(objects, oid.slice(0, 2));
    const path = join29(dir, oid.slice(2));
    if (existsSync10(path)) return oid;
    const body = Buffer.from(text, "utf8");
    const data = deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`, "utf8"), body]));
    try {
      mkdirSync6(dir, { recursive: true });
      const tmp = join29(dir, `tmp_obj_lockstep_${process.pid}_${randomHex(4)}`);
      writeFileSync7(tmp, data, { mode: 292 });
      try {
        linkSync9(tmp, path);
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      } finally {
        unlinkSync5(tmp);
      }
      return oid;
    } catch {
    }
  }
  const r = await ctx.git.run(["hash-object", "-w", "--stdin"], { input: text });
  if (r.code !== 0) throw new LockstepError("GIT_FAILED", `git hash-object failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}
async function readRecords(ctx, oids, refs = []) {
  const want = [...new Set(oids)];
  const out = /* @__PURE__ */ new Map();
  if (want.length === 0) return out;
  let found = await catBlobs(ctx, want);
  const missing = want.filter((o) => !found.has(o));
  if (missing.length > 0) {
    const f = await ctx.git.run([...QUIET, "fetch", "--no-write-fetch-head", "--no-tags", "--no-recurse-submodules", "--quiet", ctx.remote, ...missing], { timeoutMs: ctx.networkTimeoutMs });
    if (f.code !== 0 || f.timedOut) {
      if (f.timedOut || looksUnreachable(f.stderr)) throw unreachableError(ctx.remote, ctx.url, "read lock records", f.stderr, f.timedOut);
      if (refs.length) {
        const g = await ctx.git.run([...QUIET, "fetch", "--no-write-fetch-head", "--no-tags", "--no-recurse-submodules", "--quiet", ctx.remote, ...refs], { timeoutMs: ctx.networkTimeoutMs });
        if (g.timedOut || g.code !== 0 && looksUnreachable(g.stderr)) throw unreachableError(ctx.remote, ctx.url, "read lock records", g.stderr, g.timedOut);
      }
    }
    const more = await catBlobs(ctx, missing);
    found = new Map([...found, ...more]);
  }
  for (const o of want) out.set(o, found.get(o) ?? null);
  return out;
}
async function catBlobs(ctx, oids) {
  const r = await ctx.git.run(["cat-file", "--batch"], { input: oids.join("\n") + "\n", readOnly: true });
  const out = /* @__PURE__ */ new Map();
  if (r.code !== 0) return out;
  const buf = Buffer.from(r.stdout, "utf8");
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const header = buf.subarray(pos, nl).toString("utf8").split(" ");
    pos = nl + 1;
    if (header[1] === "missing" || header.length < 3) continue;
    const size = Number(header[2]);
    const body = buf.subarray(pos, pos + size).toString("utf8");
    pos += size + 1;
    try {
      out.set(header[0], JSON.parse(body));
    } catch {
      out.set(header[0], null);
    }
  }
  return out;
}
async function pushUpdates(ctx, updates, what, opts = {}) {
  if (updates.length === 0) return { ok: true };
  const args = [...QUIET, "push", "--porcelain", "--no-verify", "--quiet"];
  if (opts.atomic !== false) args.push("--atomic");
  args.push(ctx.remote);
  for (const u of updates) args.push(`--force-with-lease=${u.ref}:${u.expectOid ?? ""}`);
  for (const u of updates) args.push(`${u.newOid ?? ""}:${u.ref}`);
  const r = await ctx.git.run(args, { timeoutMs: ctx.networkTimeoutMs });
  const lines = parsePorcelain(r.stdout);
  if (r.timedOut) throw ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, true);
  if (r.code === 0 && lines.every((l) => l.flag !== "!")) return { ok: true };
  if (lines.length === 0) {
    if (/does not support --atomic/i.test(r.stderr)) {
      throw refusedError(ctx.remote, ctx.url, updates.map((u) => u.ref), "the server does not support atomic pushes (git 2.4 or later is needed on the server)", r.stderr);
    }
    if (looksUnreachable(r.stderr) || r.stderr.trim() === "") {
      throw neverConnected(r.stderr) ? unreachableError(ctx.remote, ctx.url, what, r.stderr) : ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, false);
    }
    throw new LockstepError("GIT_FAILED", `git push to ${ctx.remote} failed while trying to ${what}: ${r.stderr.trim().split("\n").slice(-3).join(" / ")}`, {
      detail: { remote: ctx.remote, stderr: r.stderr.trim().slice(0, 2e3) }
    });
  }
  const refused = lines.filter((l) => classifyPushSummary(l.flag, l.summary) === "refused");
  if (refused.length > 0) {
    throw refusedError(ctx.remote, ctx.url, refused.map((l) => l.ref), refused[0].summary.replace(/^\[remote rejected\]\s*/, "").replace(/^\(|\)$/g, ""), r.stderr);
  }
  return { ok: false, conflict: lines.filter((l) => l.flag === "!").map((l) => `${l.ref} ${l.summary}`) };
}
function neverConnected(stderr) {
  return /unable to connect|connection refused|could not resolve host|network is unreachable|no route to host|does not appear to be a git repository|unable to access/i.test(stderr);
}
function parsePorcelain(stdout) {
  const out = [];
  for (const line of stdout.split("\n")) {
    const parts = line.split("	");
    if (parts.length < 3 || parts[0].length !== 1) continue;
    const refspec = parts[1];
    out.push({ flag: parts[0], ref: refspec.slice(refspec.lastIndexOf(":") + 1), summary: parts.slice(2).join("	") });
  }
  return out;
}

// src/remote/lock.ts
var knownTokens = /* @__PURE__ */ new Map();
function fenceCacheFile(ctx, name) {
  return join30(ctx.runtime.root, "remote", ctx.remote, "fence", `${name}.json`);
}
function readFenceCache(ctx, name) {
  try {
    const c = readJsonFile(fenceCacheFile(ctx, name), "fence cache");
    if (c && typeof c.fenceOid === "string" && Number.isSafeInteger(c.token)) {
      knownTokens.set(c.fenceOid, c.token);
      return c;
    }
  } catch {
  }
  return null;
}
function writeFenceCache(ctx, name, c) {
  knownTokens.set(c.fenceOid, c.token);
  try {
    ensureDir(join30(ctx.runtime.root, "remote", ctx.remote, "fence"));
    writeFileAtomic(fenceCacheFile(ctx, name), JSON.stringify(c));
  } catch {
  }
}
async function readView2(ctx, name) {
  const refs = await listRemoteRefs(ctx, [lockRef(name), fenceRef(name)], `read the ${name} lock`);
  return { lockOid: refs.get(lockRef(name)) ?? null, fenceOid: refs.get(fenceRef(name)) ?? null };
}
async function readRecord(ctx, oid, ref) {
  const m = await readRecords(ctx, [oid], [ref]);
  const rec = m.get(oid) ?? null;
  if (rec && rec.backend === "remote" && rec.state === "held" && Number.isSafeInteger(rec.token)) {
    knownTokens.set(oid, rec.token);
    return rec;
  }
  return null;
}
async function fenceToken(ctx, name, fenceOid) {
  if (fenceOid === null) return 0;
  const known3 = knownTokens.get(fenceOid);
  if (known3 !== void 0) return known3;
  const rec = await readRecord(ctx, fenceOid, fenceRef(name));
  if (!rec) {
    throw new LockstepError("CORRUPT_STATE", `the fencing counter ${fenceRef(name)} on the remote ${ctx.remote} points to ${fenceOid}, which is not a lockstep lock record`, {
      hint: `something other than lockstep wrote that ref; inspect it (git fetch ${ctx.remote} ${fenceRef(name)} && git cat-file -p FETCH_HEAD) and contact whoever wrote it`
    });
  }
  return rec.token;
}
function describeHolder2(rec) {
  if (!rec) return "an unreadable record";
  return [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, `host ${rec.host}`].filter(Boolean).join(", ");
}
function parseTokenEnv2(env) {
  const out = /* @__PURE__ */ new Map();
  for (const part of (env[TOKEN_ENV] ?? "").split(",")) {
    const i = part.lastIndexOf(":");
    if (i <= 0) continue;
    const n = Number(part.slice(i + 1));
    if (Number.isSafeInteger(n) && n > 0) out.set(part.slice(0, i), n);
  }
  return out;
}
function jitter(minMs, maxMs) {
  return minMs + Math.random() * (maxMs - minMs);
}
function handleFrom(ctx, name, oid, record, extra) {
  return {
    backend: "remote",
    name,
    token: record.token,
    nonce: record.nonce,
    reentrant: false,
    remote: ctx.remote,
    ref: lockRef(name),
    oid,
    root: ctx.runtime.root,
    cwd: ctx.git.cwd,
    acquiredAtMs: record.acquiredAtMs,
    waitedMs: 0,
    tookOver: null,
    record,
    leaseEndsMono: monoNowMs() + record.leaseMs,
    ...extra
  };
}
async function acquireRemoteLock(opts = {}) {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError("BAD_INPUT", `invalid lock timeout ${timeoutMs}`);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs}: the remote backend needs a lease > 0`);
  const ctx = openRemote(opts);
  const env = opts.env ?? process.env;
  const ref = lockRef(name);
  if (opts.reentrant !== false) {
    const inherited = parseTokenEnv2(env).get(name);
    if (inherited !== void 0) {
      const v = await readView2(ctx, name);
      const rec = v.lockOid ? await readRecord(ctx, v.lockOid, ref) : null;
      if (v.lockOid && rec && rec.token === inherited) return handleFrom(ctx, name, v.lockOid, rec, { reentrant: true });
    }
  }
  const base = { ...ownerFields(name, opts, leaseMs), backend: "remote" };
  const observer = new Observer(ctx);
  const started = Date.now();
  const startedMono = monoNowMs();
  const deadlineMono = startedMono + timeoutMs;
  const cached = readFenceCache(ctx, name);
  let view = cached ? { lockOid: null, fenceOid: cached.fenceOid } : null;
  let lastHolder = null;
  let lastToken = 0;
  let nextWaitReport = 0;
  let conflicts = 0;
  let pollMs = 20;
  for (; ; ) {
    if (opts.signal?.aborted) throw new LockstepError("LOCK_TIMEOUT", `gave up waiting for the ${name} lock (aborted)`);
    if (!view) view = await readView2(ctx, name);
    let takeOver = null;
    let waitMs = 0;
    if (view.lockOid !== null) {
      const rec = await readRecord(ctx, view.lockOid, ref);
      lastHolder = rec;
      lastToken = rec?.token ?? lastToken;
      const j = judgeLease(rec, observer.firstSeen(ref, view.lockOid));
      if (j.expired) takeOver = { oid: view.lockOid, rec, reason: j.reason };
      else waitMs = j.remainingMs;
    }
    if (view.lockOid === null || takeOver) {
      const prev = await fenceToken(ctx, name, view.fenceOid);
      const now = Date.now();
      const record = { ...base, token: prev + 1, nonce: randomHex(8), acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now };
      const oid = await writeRecord(ctx, record);
      const sentMono = monoNowMs();
      const r = await pushUpdates(
        ctx,
        [
          { ref, newOid: oid, expectOid: view.lockOid },
          { ref: fenceRef(name), newOid: oid, expectOid: view.fenceOid }
        ],
        `take the ${name} lock`
      );
      if (r.ok) {
        writeFenceCache(ctx, name, { fenceOid: oid, token: record.token });
        const waitedMs = Date.now() - started;
        const tookOver = takeOver ? { token: takeOver.rec?.token ?? 0, pid: takeOver.rec?.pid ?? 0, host: takeOver.rec?.host ?? "", reason: takeOver.reason, task: takeOver.rec?.task ?? null } : null;
        if (tookOver) appendEvent(ctx.runtime.root, "takeover", { backend: "remote", remote: ctx.remote, lock: name, token: record.token, from: tookOver });
        appendEvent(ctx.runtime.root, "acquire", { backend: "remote", remote: ctx.remote, lock: name, token: record.token, owner: base.pid, task: record.task, agent: record.agent, waitedMs });
        return handleFrom(ctx, name, oid, record, { waitedMs, tookOver, leaseEndsMono: sentMono + leaseMs });
      }
      conflicts++;
      view = null;
      const pause = Math.min(monoRemaining(deadlineMono), jitter(0, Math.min(200, 5 * 2 ** Math.min(conflicts, 6))));
      if (pause > 0) await sleep4(pause);
      if (monoNowMs() < deadlineMono || conflicts < 3) continue;
      waitMs = 0;
    }
    const nowMono = monoNowMs();
    if (nowMono >= deadlineMono) {
      const waited = Date.now() - started;
      appendEvent(ctx.runtime.root, "timeout", { backend: "remote", remote: ctx.remote, lock: name, token: lastToken, waitedMs: waited, heldBy: lastHolder?.pid ?? null, heldByHost: lastHolder?.host ?? null });
      throw new LockstepError(
        "LOCK_TIMEOUT",
        lastHolder || view?.lockOid ? `timed out after ${(waited / 1e3).toFixed(1)} s waiting for the ${name} lock on the remote ${ctx.remote}, held by ${describeHolder2(lastHolder)}${lastHolder ? ` since ${lastHolder.acquiredAt} (its clock)` : ""}` : `timed out after ${(waited / 1e3).toFixed(1)} s trying to take the ${name} lock on the remote ${ctx.remote}: other clones won every race (${conflicts} pushes lost)`,
        {
          hint: `see who holds it: lockstep lock status ${name} --backend remote:${ctx.remote}; an abandoned lock is taken over once this machine has seen it unchanged for its lease (${Math.round((lastHolder?.leaseMs ?? 0) / 1e3)} s)`,
          detail: { lock: name, token: lastToken, holder: lastHolder, remote: ctx.remote }
        }
      );
    }
    if (opts.onWait && nowMono >= nextWaitReport) {
      nextWaitReport = nowMono + 1e3;
      const info = { name, waitedMs: Date.now() - started, holder: lastHolder, token: lastToken, waiters: 0 };
      opts.onWait(info);
    }
    pollMs = Math.min(300, pollMs * 1.5);
    const delay = Math.max(0, Math.min(jitter(pollMs / 2, pollMs), waitMs > 0 ? waitMs : Infinity, monoRemaining(deadlineMono)));
    if (delay > 0) await sleep4(delay);
    view = null;
  }
}
function monoRemaining(deadlineMono) {
  return Math.max(0, deadlineMono - monoNowMs());
}
async function compromised2(ctx, name, token, why) {
  let now = "";
  let current = 0;
  try {
    const v = await readView2(ctx, name);
    const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
    current = rec?.token ?? await fenceToken(ctx, name, v.fenceOid);
    now = rec ? `it is now held by ${describeHolder2(rec)} (token ${rec.token})` : `it is free now (latest token ${current})`;
  } catch {
    now = "its state cannot be read now";
  }
  appendEvent(ctx.runtime.root, "compromised", { backend: "remote", remote: ctx.remote, lock: name, token, current, why });
  return new LockstepError("LOCK_COMPROMISED", `lock compromised: the ${name} lock with token ${token} on the remote ${ctx.remote} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep lock status ${name} --backend remote:${ctx.remote}`,
    detail: { lock: name, token, current, remote: ctx.remote }
  });
}
async function releaseRemoteLock(handle, opts = {}) {
  if (handle.reentrant) return { name: handle.name, token: handle.token, heldMs: 0, reentrant: true };
  const ctx = openRemote({ cwd: handle.cwd, remote: handle.remote, networkTimeoutMs: opts.networkTimeoutMs });
  const r = await pushUpdates(ctx, [{ ref: handle.ref, newOid: null, expectOid: handle.oid }], `release the ${handle.name} lock`);
  if (!r.ok) throw await compromised2(ctx, handle.name, handle.token, "it expired and was taken over or removed");
  const heldMs = Date.now() - handle.acquiredAtMs;
  appendEvent(ctx.runtime.root, "release", { backend: "remote", remote: ctx.remote, lock: handle.name, token: handle.token, heldMs, task: handle.record.task });
  return { name: handle.name, token: handle.token, heldMs, reentrant: false };
}
async function renewRemoteLock(handle) {
  if (handle.reentrant) return handle.record;
  const ctx = openRemote({ cwd: handle.cwd, remote: handle.remote });
  const now = Date.now();
  const next = { ...handle.record, renewedAtMs: now };
  const oid = await writeRecord(ctx, next);
  const sentMono = monoNowMs();
  const r = await pushUpdates(
    ctx,
    [
      { ref: handle.ref, newOid: oid, expectOid: handle.oid },
      { ref: fenceRef(handle.name), newOid: oid, expectOid: handle.oid }
    ],
    `renew the ${handle.name} lock`
  );
  if (!r.ok) throw await compromised2(ctx, handle.name, handle.token, "lost before renewal");
  writeFenceCache(ctx, handle.name, { fenceOid: oid, token: handle.token });
  handle.oid = oid;
  handle.record = next;
  handle.leaseEndsMono = sentMono + next.leaseMs;
  return next;
}
function statusOf(ctx, observer, name, lockOid, rec, latestToken) {
  const base = { backend: "remote", remote: ctx.remote, name, waiters: 0, path: `${ctx.remote}:${lockRef(name)}` };
  if (!lockOid) return { ...base, state: "free", token: latestToken, holder: null, ageMs: null, staleReason: null, expiresInMs: null };
  const j = judgeLease(rec, observer.firstSeen(lockRef(name), lockOid));
  return {
    ...base,
    state: j.expired ? "stale" : "held",
    token: rec?.token ?? latestToken,
    holder: rec,
    ageMs: rec ? Math.max(0, Date.now() - rec.acquiredAtMs) : null,
    staleReason: j.expired ? j.reason : rec ? null : "the lock ref points to something that is not a lockstep record",
    expiresInMs: j.expired ? 0 : j.remainingMs
  };
}
async function remoteLockStatus(opts) {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const ctx = openRemote(opts);
  const v = await readView2(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  const latest = rec?.token ?? await fenceToken(ctx, name, v.fenceOid).catch(() => 0);
  return statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
}
async function listRemoteLocks(opts = {}) {
  const ctx = openRemote(opts);
  const refs = await listRemoteRefs(ctx, ["refs/lockstep/locks/*", "refs/lockstep/fence/*"], "list locks");
  const names = /* @__PURE__ */ new Set();
  for (const r of refs.keys()) {
    const m = /^refs\/lockstep\/(?:locks|fence)\/([^/]+)$/.exec(r);
    if (m) names.add(m[1]);
  }
  const oids = [...refs.values()];
  const records = await readRecords(ctx, oids);
  const observer = new Observer(ctx);
  return [...names].sort().map((name) => {
    const lockOid = refs.get(lockRef(name)) ?? null;
    const fenceOid = refs.get(fenceRef(name)) ?? null;
    const rec = lockOid ? records.get(lockOid) ?? null : null;
    const fenceRec = fenceOid ? records.get(fenceOid) ?? null : null;
    return statusOf(ctx, observer, name, lockOid, rec, rec?.token ?? fenceRec?.token ?? 0);
  });
}
async function breakRemoteLock(opts) {
  const name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK);
  const ctx = openRemote(opts);
  const v = await readView2(ctx, name);
  const rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
  const latest = rec?.token ?? await fenceToken(ctx, name, v.fenceOid).catch(() => 0);
  if (opts.expectToken !== void 0 && latest !== opts.expectToken) {
    throw new LockstepError("CONFLICT", `the ${name} lock is at token ${latest}, not ${opts.expectToken}: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  }
  if (!v.lockOid) return { broken: false, name, token: latest, reason: "free" };
  const st = statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
  if (st.state === "held" && !opts.force) {
    throw new LockstepError(
      "LOCK_HELD",
      `the ${name} lock is held by ${describeHolder2(rec)} (token ${latest}) and its lease has not run out as seen from this machine (${((st.expiresInMs ?? 0) / 1e3).toFixed(1)} s to go): not broken`,
      { hint: `wait for it, or break it anyway: lockstep lock break ${name} --backend remote:${ctx.remote} --expect-token ${latest} --force`, detail: { lock: name, token: latest, holder: rec } }
    );
  }
  const reason = st.state === "stale" ? st.staleReason ?? "stale" : "forced";
  const r = await pushUpdates(ctx, [{ ref: lockRef(name), newOid: null, expectOid: v.lockOid }], `break the ${name} lock`);
  if (!r.ok) throw new LockstepError("CONFLICT", `the ${name} lock changed while breaking it: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  appendEvent(ctx.runtime.root, "break", { backend: "remote", remote: ctx.remote, lock: name, token: latest, reason, previous: rec?.pid ?? null, previousHost: rec?.host ?? null });
  return { broken: true, name, token: latest, previous: rec, reason };
}
async function withRemoteLock(opts, fn) {
  const h = await acquireRemoteLock(opts);
  let renewing = Promise.resolve();
  let lost = false;
  const timer = h.reentrant ? null : setInterval(() => {
    if (lost) return;
    renewing = renewing.then(() => renewRemoteLock(h)).catch(() => lost = true);
  }, Math.max(50, Math.floor(h.record.leaseMs / 3)));
  timer?.unref();
  try {
    return await fn(h);
  } finally {
    if (timer) clearInterval(timer);
    await renewing;
    await releaseRemoteLock(h);
  }
}

// src/remote/alloc.ts
import { existsSync as existsSync11, mkdirSync as mkdirSync7, realpathSync as realpathSync7, statSync as statSync14 } from "node:fs";
import { basename as basename3, dirname as dirname7, join as join31, relative as relative5, isAbsolute as isAbsolute5, sep as sep4 } from "node:path";
import { setTimeout as sleep5 } from "node:timers/promises";
function relativeRoot(ctx, realRoot) {
  let top = ctx.topLevel;
  try {
    top = realpathSync7(top);
  } catch {
  }
  const rel = relative5(top, realRoot);
  if (rel === ".." || rel.startsWith(`..${sep4}`) || isAbsolute5(rel)) {
    throw new LockstepError("BAD_INPUT", `the allocation root ${realRoot} is outside the checkout ${top}: the remote backend names roots by their path inside the repository, so every clone agrees`, {
      hint: "use a root inside the repository, or --backend file for a root outside it"
    });
  }
  return rel.split(sep4).join("/") || ".";
}
function realRootPath(abs) {
  const rest = [];
  let dir = abs;
  for (; ; ) {
    try {
      const real2 = realpathSync7(dir);
      if (rest.length === 0 && !statSync14(real2).isDirectory()) throw new LockstepError("ENVIRONMENT", `the allocation root ${abs} is not a directory`);
      return join31(real2, ...rest.reverse());
    } catch (e) {
      if (e instanceof LockstepError) throw e;
      if (e.code !== "ENOENT" || dirname7(dir) === dir) throw fsError(e, "open allocation root", abs);
      rest.push(basename3(dir));
      dir = dirname7(dir);
    }
  }
}
function highestIn(root) {
  try {
    return highestNumber(root);
  } catch (e) {
    if (e instanceof LockstepError && !existsSync11(root)) return 0;
    throw e;
  }
}
var headRecord = (hash, number) => ({ v: 1, backend: "remote", kind: "alloc-head", root: hash, number });
var known2 = /* @__PURE__ */ new Map();
async function remoteCounter(ctx, hash) {
  const refs = await listRemoteRefs(ctx, [`${allocPrefix(hash)}*`], "read the allocation counter");
  const headOid = refs.get(allocHeadRef(hash)) ?? null;
  if (!headOid) return { headOid: null, number: 0 };
  const numbers = [...refs.keys()].map((r) => Number(r.slice(allocPrefix(hash).length))).filter((n) => Number.isSafeInteger(n) && n > 0).sort((a, b) => b - a);
  for (const n of numbers) if (recordOid(ctx, headRecord(hash, n)) === headOid) return { headOid, number: n };
  const rec = (await readRecords(ctx, [headOid], [allocHeadRef(hash)])).get(headOid);
  if (!rec || rec.kind !== "alloc-head" || !Number.isSafeInteger(rec.number)) {
    throw new LockstepError("CORRUPT_STATE", `the allocation counter ${allocHeadRef(hash)} on the remote ${ctx.remote} does not point to a lockstep counter`, {
      hint: "something other than lockstep wrote that ref; inspect it with git ls-remote and fix it by hand"
    });
  }
  return { headOid, number: rec.number };
}
async function allocateRemote(opts) {
  const name = sanitizeTopicName(opts.name);
  const width = validateWidth(opts.width ?? DEFAULT_WIDTH);
  const abs = resolveRoot(opts.root, opts.cwd);
  const ctx = openRemote(opts);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = monoNowMs() + timeoutMs;
  const real2 = realRootPath(abs);
  const rel = relativeRoot(ctx, real2);
  const hash = rootHash(rel);
  const key = `${ctx.git.cwd}\0${ctx.remote}\0${hash}`;
  let view = known2.get(key) ?? await remoteCounter(ctx, hash);
  let blind = 0;
  for (let retries = 0; ; retries++) {
    const number = Math.max(view.number, highestIn(real2)) + 1;
    if (!Number.isSafeInteger(number)) throw new LockstepError("ENVIRONMENT", `no number left after ${number - 1} in ${abs}`);
    const entry = `${formatNumber(number, width)}_${name}`;
    const record = { v: 1, backend: "remote", kind: "alloc", root: rel, number, entry, host: hostId(), pid: process.pid, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString() };
    const [oid, headOid] = await Promise.all([writeRecord(ctx, record), writeRecord(ctx, headRecord(hash, number))]);
    const ref = allocNumberRef(hash, number);
    const sentMono = monoNowMs();
    const r = await pushUpdates(
      ctx,
      [
        { ref, newOid: oid, expectOid: null },
        { ref: allocHeadRef(hash), newOid: headOid, expectOid: view.headOid }
      ],
      `take number ${number} in ${rel}`
    );
    if (r.ok) {
      known2.set(key, { headOid, number });
      try {
        mkdirSync7(real2, { recursive: true });
        mkdirSync7(join31(real2, entry));
      } catch (e) {
        if (e.code === "EEXIST") {
          throw new LockstepError("CONFLICT", `${join31(abs, entry)} already exists although number ${number} was just taken on the remote: something outside lockstep created it`, { hint: `lockstep allocate --verify ${abs}` });
        }
        throw fsError(e, "create", join31(abs, entry));
      }
      appendEvent(ctx.runtime.root, "allocate", { backend: "remote", remote: ctx.remote, root: real2, number, entry, retries });
      return { backend: "remote", remote: ctx.remote, ref, root: rel, topicNumber: formatNumber(number, width), topicPath: join31(abs, entry), number, name, token: number, retries };
    }
    known2.delete(key);
    if (monoNowMs() >= deadline) {
      throw new LockstepError("LOCK_TIMEOUT", `gave up allocating in ${abs} after ${retries + 1} pushes lost to other clones within ${(timeoutMs / 1e3).toFixed(1)} s`, {
        hint: "retry, or raise the timeout (--timeout)",
        detail: { root: rel, remote: ctx.remote, retries: retries + 1 }
      });
    }
    const pushMs = monoNowMs() - sentMono;
    await sleep5(Math.min(deadline - monoNowMs(), Math.random() * pushMs * Math.min(4, 2 ** Math.min(retries, 3))));
    if (++blind <= 2) view = { headOid: recordOid(ctx, headRecord(hash, number)), number };
    else {
      blind = 0;
      view = await remoteCounter(ctx, hash);
    }
  }
}

// src/remote/claims.ts
import { setTimeout as sleep6 } from "node:timers/promises";
var DEFAULT_CLAIM_LEASE_MS2 = 12e4;
var DEFAULT_MAX_ATTEMPTS2 = 3;
var SPREAD = 8;
function newRecord(o, queue, item, attempt, state = "claimed") {
  const leaseMs = o.leaseMs ?? DEFAULT_CLAIM_LEASE_MS2;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  const ident = identityOf(o.ownerPid ?? process.pid);
  return {
    v: 1,
    backend: "remote",
    kind: "claim",
    queue,
    item,
    state,
    agent: o.agent,
    host: ident.host,
    pid: ident.pid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    nonce: randomHex(8),
    attempt,
    leaseMs,
    at: (/* @__PURE__ */ new Date()).toISOString()
  };
}
function isClaimRecord(r) {
  return typeof r === "object" && r !== null && r.kind === "claim" && typeof r.state === "string";
}
function heldClaim(ctx, queue, item, agent, oid, record, leaseEndsMono) {
  return { backend: "remote", remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent, generation: record.attempt, ref: claimRef(queue, item), oid, record, leaseEndsMono };
}
async function tryClaim(ctx, o, queue, item, expectOid, attempt) {
  const record = newRecord(o, queue, item, attempt);
  const oid = await writeRecord(ctx, record);
  const sentMono = monoNowMs();
  const ref = claimRef(queue, item);
  const r = await pushUpdates(ctx, [{ ref, newOid: oid, expectOid }], `claim ${queue}/${item}`);
  if (!r.ok) return null;
  appendEvent(ctx.runtime.root, "claim", { backend: "remote", remote: ctx.remote, queue, item, agent: o.agent, generation: attempt });
  return heldClaim(ctx, queue, item, o.agent, oid, record, sentMono + record.leaseMs);
}
async function claimNextRemote(opts) {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const items = (opts.items ?? queuedItems(opts.cwd, queue)).map(validateItemId);
  const key = `${ctx.git.cwd}\0${ctx.remote}\0${queue}`;
  for (let round = 0; round < 1e3; round++) {
    let present = takenCache.get(key);
    let fresh = false;
    if (!present || items.every((i) => present.has(i))) {
      present = await listClaims2(ctx, queue);
      takenCache.set(key, present);
      fresh = true;
    }
    const pending = items.filter((i) => !present.has(i));
    if (pending.length > 0) {
      const start = Math.floor(Math.random() * Math.min(SPREAD, pending.length));
      for (let k = 0, lost = 0; k < pending.length && lost < SPREAD * 2; k++) {
        const item = pending[(start + k) % pending.length];
        const c = await tryClaim(ctx, opts, queue, item, null, 1);
        present.set(item, c?.oid ?? "");
        if (c) return c;
        lost++;
      }
      takenCache.delete(key);
      await sleep6(Math.random() * 20);
      continue;
    }
    if (!fresh) continue;
    takenCache.delete(key);
    const wanted = new Set(items);
    const oids = [...present].filter(([i]) => wanted.has(i));
    const records = await readRecords(ctx, oids.map(([, oid]) => oid));
    const reclaimable = oids.filter(([, oid]) => {
      const r = records.get(oid);
      return isClaimRecord(r) && r.state === "reclaimed";
    });
    if (reclaimable.length === 0) return null;
    for (const [item, oid] of reclaimable) {
      const rec = records.get(oid);
      const c = await tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
      if (c) return c;
    }
  }
  throw new LockstepError("CONFLICT", `could not claim an item of ${queue}: lost 1000 rounds of races`, { hint: "retry; if it persists, too many claimers share too few items" });
}
function queuedItems(cwd, queue) {
  return [...listItems({ cwd, queue })].sort((a, b) => b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1)).map((i) => i.id);
}
var takenCache = /* @__PURE__ */ new Map();
async function listClaims2(ctx, queue) {
  const refs = await listRemoteRefs(ctx, [`${claimPrefix(queue)}*`], `list the claims of ${queue}`);
  const out = /* @__PURE__ */ new Map();
  for (const [ref, oid] of refs) if (ref.startsWith(claimPrefix(queue))) out.set(ref.slice(claimPrefix(queue).length), oid);
  return out;
}
function claimLost(ctx, claim, what) {
  appendEvent(ctx.runtime.root, "claim_lost", { backend: "remote", remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation, what });
  return new LockstepError("CONFLICT", `refused to ${what} ${claim.queue}/${claim.item}: the claim of agent ${claim.agent} (generation ${claim.generation}) is no longer current \u2014 its lease ran out and it was reclaimed`, {
    hint: `see the item now: lockstep remote claims ${claim.queue} --remote ${ctx.remote}`,
    detail: { queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation }
  });
}
async function finish(claim, state, what, reason) {
  const ctx = openRemote({ cwd: claim.cwd, remote: claim.remote });
  const next = { ...claim.record, state, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString(), ...reason ? { reason } : {} };
  const oid = await writeRecord(ctx, next);
  const sentMono = monoNowMs();
  const r = await pushUpdates(ctx, [{ ref: claim.ref, newOid: oid, expectOid: claim.oid }], `${what} ${claim.queue}/${claim.item}`);
  if (!r.ok) throw claimLost(ctx, claim, what);
  appendEvent(ctx.runtime.root, what === "renew" ? "claim_renew" : `claim_${state}`, { backend: "remote", remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation });
  claim.oid = oid;
  claim.record = next;
  claim.leaseEndsMono = sentMono + next.leaseMs;
  return next;
}
function completeItemRemote(claim) {
  return finish(claim, "done", "complete");
}
function failItemRemote(claim, opts = {}) {
  return finish(claim, opts.retry ? "reclaimed" : "failed", "fail", opts.reason);
}
function renewClaimRemote(claim) {
  return finish(claim, "claimed", "renew");
}
async function findClaimRemote(opts) {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const item = validateItemId(opts.item);
  validateAgentId(opts.agent);
  const ctx = openRemote(opts);
  const ref = claimRef(queue, item);
  const oid = (await listRemoteRefs(ctx, [ref], `read the claim of ${queue}/${item}`)).get(ref) ?? null;
  const rec = oid ? (await readRecords(ctx, [oid], [ref])).get(oid) : null;
  if (!oid || !isClaimRecord(rec) || rec.state !== "claimed" || rec.agent !== opts.agent || opts.generation !== void 0 && rec.attempt !== opts.generation) {
    const now = isClaimRecord(rec) ? `it is ${rec.state}${rec.agent ? ` by agent ${rec.agent}` : ""} (generation ${rec.attempt})` : "nobody has claimed it";
    throw new LockstepError("CONFLICT", `agent ${opts.agent} does not hold a current claim on ${queue}/${item}${opts.generation !== void 0 ? ` with generation ${opts.generation}` : ""}: ${now}`, {
      hint: `see the items: lockstep remote claims ${queue} --remote ${ctx.remote}`,
      detail: { queue, item, agent: opts.agent, current: rec ?? null }
    });
  }
  return heldClaim(ctx, queue, item, opts.agent, oid, rec, monoNowMs());
}
async function listClaimsRemote(opts) {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const ctx = openRemote(opts);
  const present = await listClaims2(ctx, queue);
  const records = await readRecords(ctx, [...present.values()]);
  const observer = new Observer(ctx);
  return [...present].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([item, oid]) => {
    const r = records.get(oid);
    if (!isClaimRecord(r)) return { item, state: "unknown", agent: null, host: null, generation: 0, expired: false, expiresInMs: null };
    const j = r.state === "claimed" ? judgeLease(r, observer.firstSeen(claimRef(queue, item), oid)) : null;
    return { item, state: r.state, agent: r.agent, host: r.host, generation: r.attempt, expired: j?.expired ?? false, expiresInMs: j ? j.expired ? 0 : j.remainingMs : null };
  });
}
async function reclaimRemote(opts) {
  const queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS2;
  const ctx = openRemote(opts);
  const present = await listClaims2(ctx, queue);
  const records = await readRecords(ctx, [...present.values()]);
  const observer = new Observer(ctx);
  const out = { reclaimed: [], failed: [], waiting: [] };
  for (const [item, oid] of present) {
    const r = records.get(oid);
    if (!isClaimRecord(r) || r.state !== "claimed") continue;
    const j = judgeLease(r, observer.firstSeen(claimRef(queue, item), oid));
    if (!j.expired) {
      out.waiting.push({ item, agent: r.agent, host: r.host, expiresInMs: j.remainingMs });
      continue;
    }
    const state = r.attempt >= maxAttempts ? "failed" : "reclaimed";
    const entry = { item, agent: r.agent, host: r.host, generation: r.attempt, reason: j.reason };
    if (!opts.dryRun) {
      const next = { ...r, state, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString(), reason: `${state} by host ${hostId()}: ${j.reason}` };
      const newOid = await writeRecord(ctx, next);
      const p = await pushUpdates(ctx, [{ ref: claimRef(queue, item), newOid, expectOid: oid }], `reclaim ${queue}/${item}`);
      if (!p.ok) continue;
      appendEvent(ctx.runtime.root, "reclaim", { backend: "remote", remote: ctx.remote, queue, item, agent: r.agent, generation: r.attempt, state });
    }
    (state === "failed" ? out.failed : out.reclaimed).push(entry);
  }
  return out;
}

// src/remote/gc.ts
import { setTimeout as sleep7 } from "node:timers/promises";
var LOCK = /^refs\/lockstep\/locks\/([^/]+)$/;
var CLAIM = /^refs\/lockstep\/claims\/([^/]+)\/([^/]+)$/;
var ALLOC = /^refs\/lockstep\/alloc\/([0-9a-f]+)\/(head|\d+)$/;
async function remoteGc(opts = {}) {
  const ctx = openRemote(opts);
  const deadline = monoNowMs() + (opts.waitMs ?? 0);
  const drop = (opts.dropQueues ?? []).map(validateQueueName);
  const observer = new Observer(ctx);
  const total = {
    remote: ctx.remote,
    dryRun: Boolean(opts.dryRun),
    locks: { removed: [], waiting: [] },
    claims: { reclaimed: [], failed: [], waiting: [], dropped: [] },
    alloc: [],
    skipped: []
  };
  for (let pass = 0; ; pass++) {
    const r = await gcPass(ctx, observer, opts, pass === 0 ? drop : []);
    total.locks.removed.push(...r.locks.removed);
    total.locks.waiting = r.locks.waiting;
    total.claims.reclaimed.push(...r.claims.reclaimed);
    total.claims.failed.push(...r.claims.failed);
    total.claims.waiting = r.claims.waiting;
    total.claims.dropped.push(...r.claims.dropped);
    total.skipped.push(...r.skipped);
    if (pass === 0) total.alloc = r.alloc;
    const soonest = Math.min(...r.locks.waiting.map((w) => w.expiresInMs), ...r.claims.waiting.map((w) => w.expiresInMs));
    const left = deadline - monoNowMs();
    if (!Number.isFinite(soonest) || soonest > left || opts.dryRun) break;
    await sleep7(Math.max(10, soonest + 20));
  }
  appendEvent(ctx.runtime.root, "remote_gc", {
    remote: ctx.remote,
    dryRun: total.dryRun,
    locks: total.locks.removed.length,
    reclaimed: total.claims.reclaimed.length,
    alloc: total.alloc.reduce((n, a) => n + a.removed.length, 0)
  });
  return total;
}
async function gcPass(ctx, observer, opts, drop) {
  const refs = await listRemoteRefs(ctx, ["refs/lockstep/*"], "list lockstep refs");
  const out = { remote: ctx.remote, dryRun: Boolean(opts.dryRun), locks: { removed: [], waiting: [] }, claims: { reclaimed: [], failed: [], waiting: [], dropped: [] }, alloc: [], skipped: [] };
  const deletions = [];
  const lockRefs = [...refs].filter(([ref]) => LOCK.test(ref));
  const lockRecords = await readRecords(ctx, lockRefs.map(([, oid]) => oid));
  for (const [ref, oid] of lockRefs) {
    const name = LOCK.exec(ref)[1];
    const rec = lockRecords.get(oid) ?? null;
    const holder = rec && rec.backend === "remote" ? rec : null;
    const j = judgeLease(holder, observer.firstSeen(ref, oid));
    if (!j.expired) {
      out.locks.waiting.push({ name, token: holder?.token ?? 0, host: holder?.host ?? null, expiresInMs: j.remainingMs });
      continue;
    }
    const entry = { name, token: holder?.token ?? 0, host: holder?.host ?? null, reason: j.reason };
    deletions.push({ ref, newOid: null, expectOid: oid, done: () => out.locks.removed.push(entry) });
  }
  const queues = /* @__PURE__ */ new Set();
  for (const ref of refs.keys()) {
    const m = CLAIM.exec(ref);
    if (m) queues.add(m[1]);
  }
  for (const queue of queues) {
    if (drop.includes(queue)) {
      const mine = [...refs].filter(([ref]) => CLAIM.exec(ref)?.[1] === queue);
      const dropped = { queue, refs: 0 };
      out.claims.dropped.push(dropped);
      for (const [ref, oid] of mine) deletions.push({ ref, newOid: null, expectOid: oid, done: () => dropped.refs++ });
      continue;
    }
    const r = await reclaimRemote({ cwd: ctx.git.cwd, remote: ctx.remote, networkTimeoutMs: ctx.networkTimeoutMs, queue, maxAttempts: opts.maxAttempts, dryRun: opts.dryRun });
    out.claims.reclaimed.push(...r.reclaimed);
    out.claims.failed.push(...r.failed);
    out.claims.waiting.push(...r.waiting);
  }
  const roots = /* @__PURE__ */ new Map();
  for (const [ref, oid] of refs) {
    const m = ALLOC.exec(ref);
    if (!m) continue;
    const root = roots.get(m[1]) ?? { head: null, numbers: [] };
    if (m[2] === "head") root.head = oid;
    else root.numbers.push([Number(m[2]), ref, oid]);
    roots.set(m[1], root);
  }
  for (const [root, { head, numbers }] of roots) {
    if (head === null) continue;
    const kept = numbers.length ? Math.max(...numbers.map(([n]) => n)) : null;
    const a = { root, kept, removed: [] };
    for (const [n, ref, oid] of numbers) {
      if (n === kept) continue;
      deletions.push({ ref, newOid: null, expectOid: oid, done: () => a.removed.push(n) });
    }
    out.alloc.push(a);
  }
  if (opts.dryRun) {
    for (const d of deletions) d.done();
    return out;
  }
  for (let i = 0; i < deletions.length; i += 200) {
    const batch = deletions.slice(i, i + 200);
    const r = await pushUpdates(ctx, batch, "remove expired lockstep refs", { atomic: false });
    const lost = new Set(r.ok ? [] : r.conflict.map((c) => c.split(" ")[0]));
    for (const d of batch) {
      if (lost.has(d.ref)) out.skipped.push(d.ref);
      else d.done();
    }
  }
  return out;
}

// src/remote/check.ts
async function checkRemote(opts = {}) {
  const ctx = openRemote(opts);
  const steps = [];
  const timed = async (step, fn) => {
    const t = monoNowMs();
    const v = await fn();
    steps.push({ step, ms: monoNowMs() - t });
    return v;
  };
  const ref = `${REF_ROOT}probe/${hostId().replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40) || "host"}-${process.pid}-${randomHex(4)}`;
  await timed("list refs/lockstep/* (ls-remote)", () => listRemoteRefs(ctx, [`${REF_ROOT}*`], "list lockstep refs"));
  const a = await writeRecord(ctx, { kind: "probe", host: hostId(), at: (/* @__PURE__ */ new Date()).toISOString(), n: 1 });
  const b = await writeRecord(ctx, { kind: "probe", host: hostId(), at: (/* @__PURE__ */ new Date()).toISOString(), n: 2 });
  const created = await timed("create a probe ref (atomic push, expected absent)", () => pushUpdates(ctx, [{ ref, newOid: a, expectOid: null }], "create a probe ref"));
  if (!created.ok) throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} rejected the creation of a new probe ref ${ref}: ${created.conflict.join("; ")}`);
  try {
    const again = await timed("create it again (must be rejected)", () => pushUpdates(ctx, [{ ref, newOid: b, expectOid: null }], "create the probe ref again"));
    if (again.ok) {
      throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} let a second push create ${ref} although it existed: it does not compare-and-swap refs, so it cannot coordinate`, {
        hint: "use a git server that honours expected old values in pushes (any stock git since 2.4), or --backend file"
      });
    }
    const seen = await timed("see it from ls-remote", () => listRemoteRefs(ctx, [ref], "read the probe ref"));
    if (seen.get(ref) !== a) {
      throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} accepts refs/lockstep/* but hides them from readers (ls-remote does not show ${ref}): check uploadpack.hideRefs / transfer.hideRefs on the server`, {
        hint: "unhide refs/lockstep on the server, or use --backend file"
      });
    }
  } finally {
    await pushUpdates(ctx, [{ ref, newOid: null, expectOid: a }], "delete the probe ref").catch(() => void 0);
  }
  return { ok: true, remote: ctx.remote, url: ctx.url, steps };
}
export {
  DEFAULT_LOCK,
  DEFAULT_REMOTE,
  DEFAULT_WIDTH,
  ExitCode,
  LockstepError,
  MAX_WIDTH,
  TOKEN_ENV,
  acquireLock,
  acquireRemoteLock,
  addAgentWorktree,
  addItem,
  allocate,
  allocateRemote,
  breakLock,
  breakRemoteLock,
  checkGitLocks,
  checkRemote,
  claimNext,
  claimNextRemote,
  commitTask,
  completeItem,
  completeItemRemote,
  discoverState,
  endTask,
  eventsPath,
  exportLines,
  failItem,
  failItemRemote,
  findClaimRemote,
  gcStates,
  getState,
  getTask,
  gitLockFiles,
  heartbeat,
  initState,
  isLockstepError,
  lintPaths,
  listAgentWorktrees,
  listClaims,
  listClaimsRemote,
  listItems,
  listLocks,
  listQueues,
  listRemoteLocks,
  listStates,
  listTasks,
  lockStatus,
  mergeBranch,
  newStateId,
  openRuntime,
  pruneWorktrees,
  queueCounts,
  readEvents,
  reclaim,
  reclaimRemote,
  releaseLock,
  releaseRemoteLock,
  remoteGc,
  remoteLockStatus,
  removeAgentWorktree,
  removeStaleGitLock,
  removeState,
  renewClaimRemote,
  renewRemoteLock,
  runLocked,
  selectBackend,
  setState,
  shellQuote,
  startTask,
  tokenEnvFor,
  updateLock,
  verifyAllocations,
  withLock,
  withRemoteLock
};

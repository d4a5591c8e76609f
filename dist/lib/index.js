import { createRequire as __lockstepCreateRequire } from 'node:module';
const require = __lockstepCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf, __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from == "object" || typeof from == "function")
    for (let key of __getOwnPropNames(from))
      !__hasOwnProp.call(to, key) && key !== except && __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: !0 }) : target,
  mod
));

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_NO_SLASH = "[^\\\\/]", ONE_CHAR = "(?=.)", QMARK = "[^/]", END_ANCHOR = "(?:\\/|$)", START_ANCHOR = "(?:^|\\/)", DOTS_SLASH = `\\.{1,2}${END_ANCHOR}`, NO_DOT = "(?!\\.)", NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`, NO_DOT_SLASH = `(?!\\.{0,1}${END_ANCHOR})`, NO_DOTS_SLASH = `(?!${DOTS_SLASH})`, QMARK_NO_DOT = "[^.\\/]", STAR = `${QMARK}*?`, SEP = "/", POSIX_CHARS = {
      DOT_LITERAL: "\\.",
      PLUS_LITERAL: "\\+",
      QMARK_LITERAL: "\\?",
      SLASH_LITERAL: "\\/",
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
    }, WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: "[\\\\/]",
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: "\\.{1,2}(?:[\\\\/]|$)",
      NO_DOT: "(?!\\.)",
      NO_DOTS: "(?!(?:^|[\\\\/])\\.{1,2}(?:[\\\\/]|$))",
      NO_DOT_SLASH: "(?!\\.{0,1}(?:[\\\\/]|$))",
      NO_DOTS_SLASH: "(?!\\.{1,2}(?:[\\\\/]|$))",
      QMARK_NO_DOT: "[^.\\\\/]",
      START_ANCHOR: "(?:^|[\\\\/])",
      END_ANCHOR: "(?:[\\\\/]|$)",
      SEP: "\\"
    }, POSIX_REGEX_SOURCE = {
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
      DEFAULT_MAX_EXTGLOB_RECURSION: 0,
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
        return win32 === !0 ? WINDOWS_CHARS : POSIX_CHARS;
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
    exports.isObject = (val) => val !== null && typeof val == "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator < "u" && navigator.platform) {
        let platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      return typeof process < "u" && process.platform ? process.platform === "win32" : !1;
    };
    exports.removeBackslashes = (str) => str.replace(REGEX_REMOVE_BACKSLASH, (match) => match === "\\" ? "" : match);
    exports.escapeLast = (input, char, lastIdx) => {
      let idx = input.lastIndexOf(char, lastIdx);
      return idx === -1 ? input : input[idx - 1] === "\\" ? exports.escapeLast(input, char, idx - 1) : `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      return output.startsWith("./") && (output = output.slice(2), state.prefix = "./"), output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      let prepend = options.contains ? "" : "^", append = options.contains ? "" : "$", output = `${prepend}(?:${input})${append}`;
      return state.negated === !0 && (output = `(?:^(?!${output}).*$)`), output;
    };
    exports.basename = (path, { windows } = {}) => {
      let segs = path.split(windows ? /[\\/]/ : "/"), last2 = segs[segs.length - 1];
      return last2 === "" ? segs[segs.length - 2] : last2;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils(), {
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
    } = require_constants(), isPathSeparator = (code) => code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH, depth = (token) => {
      token.isPrefix !== !0 && (token.depth = token.isGlobstar ? 1 / 0 : 1);
    }, scan2 = (input, options) => {
      let opts = options || {}, length = input.length - 1, scanToEnd = opts.parts === !0 || opts.tokens === !0 || opts.scanToEnd === !0, slashes = [], tokens = [], parts = [], str = input, index = -1, start = 0, lastIndex = 0, isBrace = !1, isBracket = !1, isGlob = !1, isExtglob = !1, isGlobstar = !1, braceEscaped = !1, backslashes = !1, negated = !1, negatedExtglob = !1, finished = !1, braces = 0, prev, code, token = { value: "", depth: 0, isGlob: !1 }, eos = () => index >= length, peek = () => str.charCodeAt(index + 1), advance = () => (prev = code, str.charCodeAt(++index));
      for (; index < length; ) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = !0, code = advance(), code === CHAR_LEFT_CURLY_BRACE && (braceEscaped = !0);
          continue;
        }
        if (braceEscaped === !0 || code === CHAR_LEFT_CURLY_BRACE) {
          for (braces++; eos() !== !0 && (code = advance()); ) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = !0, advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== !0 && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              if (isBrace = token.isBrace = !0, isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
                continue;
              break;
            }
            if (braceEscaped !== !0 && code === CHAR_COMMA) {
              if (isBrace = token.isBrace = !0, isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
                continue;
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE && (braces--, braces === 0)) {
              braceEscaped = !1, isBrace = token.isBrace = !0, finished = !0;
              break;
            }
          }
          if (scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          if (slashes.push(index), tokens.push(token), token = { value: "", depth: 0, isGlob: !1 }, finished === !0) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== !0 && (code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK) === !0 && peek() === CHAR_LEFT_PARENTHESES) {
          if (isGlob = token.isGlob = !0, isExtglob = token.isExtglob = !0, finished = !0, code === CHAR_EXCLAMATION_MARK && index === start && (negatedExtglob = !0), scanToEnd === !0) {
            let parens = 0;
            for (; eos() !== !0 && (code = advance()); ) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = !0, advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = !0;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK && (isGlobstar = token.isGlobstar = !0), isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          if (isGlob = token.isGlob = !0, finished = !0, scanToEnd === !0)
            continue;
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          for (; eos() !== !0 && (next = advance()); ) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = !0, advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = !0, isGlob = token.isGlob = !0, finished = !0;
              break;
            }
          }
          if (scanToEnd === !0)
            continue;
          break;
        }
        if (opts.nonegate !== !0 && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = !0, start++;
          continue;
        }
        if (opts.noparen !== !0 && code === CHAR_LEFT_PARENTHESES) {
          if (isGlob = token.isGlob = !0, scanToEnd === !0) {
            let parens = 1;
            for (; eos() !== !0 && (code = advance()); ) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = !0, advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = !0;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === !0) {
          if (finished = !0, scanToEnd === !0)
            continue;
          break;
        }
      }
      opts.noext === !0 && (isExtglob = !1, isGlob = !1);
      let base = str, prefix = "", glob = "";
      start > 0 && (prefix = str.slice(0, start), str = str.slice(start), lastIndex -= start), base && isGlob === !0 && lastIndex > 0 ? (base = str.slice(0, lastIndex), glob = str.slice(lastIndex)) : isGlob === !0 ? (base = "", glob = str) : base = str, base && base !== "" && base !== "/" && base !== str && isPathSeparator(base.charCodeAt(base.length - 1)) && (base = base.slice(0, -1)), opts.unescape === !0 && (glob && (glob = utils.removeBackslashes(glob)), base && backslashes === !0 && (base = utils.removeBackslashes(base)));
      let state = {
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
      if (opts.tokens === !0 && (state.maxDepth = 0, isPathSeparator(code) || tokens.push(token), state.tokens = tokens), opts.parts === !0 || opts.tokens === !0) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          let n2 = prevIndex !== void 0 ? prevIndex + 1 : start, i = slashes[idx], value2 = input.slice(n2, i);
          opts.tokens && (idx === 0 && start !== 0 ? (tokens[idx].isPrefix = !0, tokens[idx].value = prefix) : tokens[idx].value = value2, depth(tokens[idx]), state.maxDepth += tokens[idx].depth), i >= start && (parts.push(value2), prevIndex = i);
        }
        let n = prevIndex !== void 0 ? prevIndex + 1 : start, value = input.slice(n);
        parts.push(value), opts.tokens && prevIndex && prevIndex + 1 < input.length && (tokens[tokens.length - 1].value = value, depth(tokens[tokens.length - 1]), state.maxDepth += tokens[tokens.length - 1].depth), state.slashes = slashes, state.parts = parts;
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
    var constants6 = require_constants(), utils = require_utils(), {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants6, expandRange = (args, options) => {
      if (typeof options.expandRange == "function")
        return options.expandRange(...args, options);
      args.sort();
      let value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    }, syntaxError = (type, char) => `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`, splitTopLevel = (input) => {
      let parts = [], bracket = 0, paren = 0, quote = 0, value = "", escaped = !1;
      for (let ch of input) {
        if (escaped === !0) {
          value += ch, escaped = !1;
          continue;
        }
        if (ch === "\\") {
          value += ch, escaped = !0;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1, value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[")
            bracket++;
          else if (ch === "]" && bracket > 0)
            bracket--;
          else if (bracket === 0) {
            if (ch === "(")
              paren++;
            else if (ch === ")" && paren > 0)
              paren--;
            else if (ch === "|" && paren === 0) {
              parts.push(value), value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      return parts.push(value), parts;
    }, isPlainBranch = (branch) => {
      let escaped = !1;
      for (let ch of branch) {
        if (escaped === !0) {
          escaped = !1;
          continue;
        }
        if (ch === "\\") {
          escaped = !0;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch))
          return !1;
      }
      return !0;
    }, normalizeSimpleBranch = (branch) => {
      let value = branch.trim(), changed = !0;
      for (; changed === !0; )
        changed = !1, /^@\([^\\()[\]{}|]+\)$/.test(value) && (value = value.slice(2, -1), changed = !0);
      if (isPlainBranch(value))
        return value.replace(/\\(.)/g, "$1");
    }, hasRepeatedCharPrefixOverlap = (branches) => {
      let values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++)
        for (let j = i + 1; j < values.length; j++) {
          let a = values[i], b = values[j], char = a[0];
          if (!(!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) && (a === b || a.startsWith(b) || b.startsWith(a)))
            return !0;
        }
      return !1;
    }, parseRepeatedExtglob = (pattern, requireEnd = !0) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(")
        return;
      let bracket = 0, paren = 0, quote = 0, escaped = !1;
      for (let i = 1; i < pattern.length; i++) {
        let ch = pattern[i];
        if (escaped === !0) {
          escaped = !1;
          continue;
        }
        if (ch === "\\") {
          escaped = !0;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote !== 1) {
          if (ch === "[") {
            bracket++;
            continue;
          }
          if (ch === "]" && bracket > 0) {
            bracket--;
            continue;
          }
          if (!(bracket > 0)) {
            if (ch === "(") {
              paren++;
              continue;
            }
            if (ch === ")" && (paren--, paren === 0))
              return requireEnd === !0 && i !== pattern.length - 1 ? void 0 : {
                type: pattern[0],
                body: pattern.slice(2, i),
                end: i
              };
          }
        }
      }
    }, buildCharClassStar = (chars) => `${chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`}*`, getStarExtglobSequenceChars = (pattern) => {
      let index = 0, chars = [];
      for (; index < pattern.length; ) {
        let match = parseRepeatedExtglob(pattern.slice(index), !1);
        if (!match || match.type !== "*")
          return;
        let branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1)
          return;
        let branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1)
          return;
        chars.push(branch), index += match.end + 1;
      }
      if (!(chars.length < 1))
        return chars;
    }, repeatedExtglobRecursion = (pattern) => {
      let depth = 0, value = pattern.trim(), match = parseRepeatedExtglob(value);
      for (; match; )
        depth++, value = match.body.trim(), match = parseRepeatedExtglob(value);
      return depth;
    }, analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === !1)
        return { risky: !1 };
      let max = typeof options.maxExtglobRecursion == "number" ? options.maxExtglobRecursion : constants6.DEFAULT_MAX_EXTGLOB_RECURSION, branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1 && (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)))
        return { risky: !0 };
      let safeChars = [], sawStarSequence = !1, combinable = !0;
      for (let branch of branches) {
        let chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = !0, safeChars.push(...chars);
          continue;
        }
        let literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        if (combinable = !1, repeatedExtglobRecursion(branch) > max)
          return { risky: !0 };
      }
      return sawStarSequence ? combinable ? { risky: !0, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: !0 } : { risky: !1 };
    }, parse = (input, options) => {
      if (typeof input != "string")
        throw new TypeError("Expected a string");
      input = REPLACEMENTS[input] || input;
      let opts = { ...options }, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH, len = input.length;
      if (len > max)
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      let bos = { type: "bos", value: "", output: opts.prepend || "" }, tokens = [bos], capture = opts.capture ? "" : "?:", PLATFORM_CHARS = constants6.globChars(opts.windows), EXTGLOB_CHARS = constants6.extglobChars(PLATFORM_CHARS), {
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
      } = PLATFORM_CHARS, globstar = (opts2) => `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`, nodot = opts.dot ? "" : NO_DOT, qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT, star = opts.bash === !0 ? globstar(opts) : STAR;
      opts.capture && (star = `(${star})`), typeof opts.noext == "boolean" && (opts.noextglob = opts.noext);
      let state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === !0,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: !1,
        negated: !1,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: !1,
        tokens
      };
      input = utils.removePrefix(input, state), len = input.length;
      let extglobs = [], braces = [], stack = [], prev = bos, value, eos = () => state.index === len - 1, peek = state.peek = (n = 1) => input[state.index + n], advance = state.advance = () => input[++state.index] || "", remaining = () => input.slice(state.index + 1), consume = (value2 = "", num = 0) => {
        state.consumed += value2, state.index += num;
      }, append = (token) => {
        state.output += token.output != null ? token.output : token.value, consume(token.value);
      }, negate = () => {
        let count = 1;
        for (; peek() === "!" && (peek(2) !== "(" || peek(3) === "?"); )
          advance(), state.start++, count++;
        return count % 2 === 0 ? !1 : (state.negated = !0, state.start++, !0);
      }, increment = (type) => {
        state[type]++, stack.push(type);
      }, decrement = (type) => {
        state[type]--, stack.pop();
      }, push = (tok) => {
        if (prev.type === "globstar") {
          let isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace"), isExtglob = tok.extglob === !0 || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob && (state.output = state.output.slice(0, -prev.output.length), prev.type = "star", prev.value = "*", prev.output = star, state.output += prev.output);
        }
        if (extglobs.length && tok.type !== "paren" && (extglobs[extglobs.length - 1].inner += tok.value), (tok.value || tok.output) && append(tok), prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value, prev.value += tok.value;
          return;
        }
        tok.prev = prev, tokens.push(tok), prev = tok;
      }, extglobOpen = (type, value2) => {
        let token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev, token.parens = state.parens, token.output = state.output, token.startIndex = state.index, token.tokensIndex = tokens.length;
        let output = (opts.capture ? "(" : "") + token.open;
        increment("parens"), push({ type, value: value2, output: state.output ? "" : ONE_CHAR }), push({ type: "paren", extglob: !0, value: advance(), output }), extglobs.push(token);
      }, extglobClose = (token) => {
        let literal = input.slice(token.startIndex, state.index + 1), body = input.slice(token.startIndex + 2, state.index), analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          let safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0, open = tokens[token.tokensIndex];
          open.type = "text", open.value = literal, open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++)
            tokens[i].value = "", tokens[i].output = "", delete tokens[i].suffix;
          state.output = token.output + open.output, state.backtrack = !0, push({ type: "paren", extglob: !0, value, output: "" }), decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : ""), rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/") && (extglobStar = globstar(opts)), (extglobStar !== star || eos() || /^\)+$/.test(remaining())) && (output = token.close = `)$))${extglobStar}`), token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            let expression = parse(rest, { ...options, fastpaths: !1 }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          token.prev.type === "bos" && (state.negatedExtglob = !0);
        }
        push({ type: "paren", extglob: !0, value, output }), decrement("parens");
      };
      if (opts.fastpaths !== !1 && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = !1, output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => first === "\\" ? (backslashes = !0, m) : first === "?" ? esc ? esc + first + (rest ? QMARK.repeat(rest.length) : "") : index === 0 ? qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "") : QMARK.repeat(chars.length) : first === "." ? DOT_LITERAL.repeat(chars.length) : first === "*" ? esc ? esc + first + (rest ? star : "") : star : esc ? m : `\\${m}`);
        return backslashes === !0 && (opts.unescape === !0 ? output = output.replace(/\\/g, "") : output = output.replace(/\\+/g, (m) => m.length % 2 === 0 ? "\\\\" : m ? "\\" : "")), output === input && opts.contains === !0 ? (state.output = input, state) : (state.output = utils.wrapOutput(output, state, options), state);
      }
      for (; !eos(); ) {
        if (value = advance(), value === "\0")
          continue;
        if (value === "\\") {
          let next = peek();
          if (next === "/" && opts.bash !== !0 || next === "." || next === ";")
            continue;
          if (!next) {
            value += "\\", push({ type: "text", value });
            continue;
          }
          let match = /^\\+/.exec(remaining()), slashes = 0;
          if (match && match[0].length > 2 && (slashes = match[0].length, state.index += slashes, slashes % 2 !== 0 && (value += "\\")), opts.unescape === !0 ? value = advance() : value += advance(), state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== !1 && value === ":") {
            let inner = prev.value.slice(1);
            if (inner.includes("[") && (prev.posix = !0, inner.includes(":"))) {
              let idx = prev.value.lastIndexOf("["), pre = prev.value.slice(0, idx), rest2 = prev.value.slice(idx + 2), posix2 = POSIX_REGEX_SOURCE[rest2];
              if (posix2) {
                prev.value = pre + posix2, state.backtrack = !0, advance(), !bos.output && tokens.indexOf(prev) === 1 && (bos.output = ONE_CHAR);
                continue;
              }
            }
          }
          (value === "[" && peek() !== ":" || value === "-" && peek() === "]") && (value = `\\${value}`), value === "]" && (prev.value === "[" || prev.value === "[^") && (value = `\\${value}`), opts.posix === !0 && value === "!" && prev.value === "[" && (value = "^"), prev.value += value, append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value), prev.value += value, append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1, opts.keepQuotes === !0 && push({ type: "text", value });
          continue;
        }
        if (value === "(") {
          increment("parens"), push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === !0)
            throw new SyntaxError(syntaxError("opening", "("));
          let extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" }), decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === !0 || !remaining().includes("]")) {
            if (opts.nobracket !== !0 && opts.strictBrackets === !0)
              throw new SyntaxError(syntaxError("closing", "]"));
            value = `\\${value}`;
          } else
            increment("brackets");
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === !0 || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === !0)
              throw new SyntaxError(syntaxError("opening", "["));
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          let prevValue = prev.value.slice(1);
          if (prev.posix !== !0 && prevValue[0] === "^" && !prevValue.includes("/") && (value = `/${value}`), prev.value += value, append({ value }), opts.literalBrackets === !1 || utils.hasRegexChars(prevValue))
            continue;
          let escaped = utils.escapeRegex(prev.value);
          if (state.output = state.output.slice(0, -prev.value.length), opts.literalBrackets === !0) {
            state.output += escaped, prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`, state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== !0) {
          increment("braces");
          let open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open), push(open);
          continue;
        }
        if (value === "}") {
          let brace = braces[braces.length - 1];
          if (opts.nobrace === !0 || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === !0) {
            let arr = tokens.slice(), range = [];
            for (let i = arr.length - 1; i >= 0 && (tokens.pop(), arr[i].type !== "brace"); i--)
              arr[i].type !== "dots" && range.unshift(arr[i].value);
            output = expandRange(range, opts), state.backtrack = !0;
          }
          if (brace.comma !== !0 && brace.dots !== !0) {
            let out = state.output.slice(0, brace.outputIndex), toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{", value = output = "\\}", state.output = out;
            for (let t of toks)
              state.output += t.output || t.value;
          }
          push({ type: "brace", value, output }), decrement("braces"), braces.pop();
          continue;
        }
        if (value === "|") {
          extglobs.length > 0 && extglobs[extglobs.length - 1].conditions++, push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value, brace = braces[braces.length - 1];
          brace && stack[stack.length - 1] === "braces" && (brace.comma = !0, output = "|"), push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1, state.consumed = "", state.output = "", tokens.pop(), prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            prev.value === "." && (prev.output = DOT_LITERAL);
            let brace = braces[braces.length - 1];
            prev.type = "dots", prev.output += value, prev.value += value, brace.dots = !0;
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
          if (!(prev && prev.value === "(") && opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            let next = peek(), output = value;
            (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) && (output = `\\${value}`), push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== !0 && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== !0 && peek() === "(" && (peek(2) !== "?" || !/[!=<:]/.test(peek(3)))) {
            extglobOpen("negate", value);
            continue;
          }
          if (opts.nonegate !== !0 && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === !1) {
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
          if (opts.noextglob !== !0 && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: !0, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          (value === "$" || value === "^") && (value = `\\${value}`);
          let match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          match && (value += match[0], state.index += match[0].length), push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === !0)) {
          prev.type = "star", prev.star = !0, prev.value += value, prev.output = star, state.backtrack = !0, state.globstar = !0, consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== !0 && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === !0) {
            consume(value);
            continue;
          }
          let prior = prev.prev, before = prior.prev, isStart = prior.type === "slash" || prior.type === "bos", afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === !0 && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          let isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace"), isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          for (; rest.slice(0, 3) === "/**"; ) {
            let after = input[state.index + 4];
            if (after && after !== "/")
              break;
            rest = rest.slice(3), consume("/**", 3);
          }
          let isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar", prev.value += value, prev.output = globstar(opts), state.output = prev.output, state.globstar = !0, consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length), prior.output = `(?:${prior.output}`, prev.type = "globstar", prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)"), prev.value += value, state.globstar = !0, state.output += prior.output + prev.output, consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            let end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length), prior.output = `(?:${prior.output}`, prev.type = "globstar", prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`, prev.value += value, state.output += prior.output + prev.output, state.globstar = !0, consume(value + advance()), push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar", prev.value += value, prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`, state.output = prev.output, state.globstar = !0, consume(value + advance()), push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length), prev.type = "globstar", prev.output = globstar(opts), prev.value += value, state.output += prev.output, state.globstar = !0, consume(value);
          continue;
        }
        let token = { type: "star", value, output: star };
        if (opts.bash === !0) {
          token.output = ".*?", (prev.type === "bos" || prev.type === "slash") && (token.output = nodot + token.output), push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === !0) {
          token.output = value, push(token);
          continue;
        }
        (state.index === state.start || prev.type === "slash" || prev.type === "dot") && (prev.type === "dot" ? (state.output += NO_DOT_SLASH, prev.output += NO_DOT_SLASH) : opts.dot === !0 ? (state.output += NO_DOTS_SLASH, prev.output += NO_DOTS_SLASH) : (state.output += nodot, prev.output += nodot), peek() !== "*" && (state.output += ONE_CHAR, prev.output += ONE_CHAR)), push(token);
      }
      for (; state.brackets > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "["), decrement("brackets");
      }
      for (; state.parens > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "("), decrement("parens");
      }
      for (; state.braces > 0; ) {
        if (opts.strictBrackets === !0) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{"), decrement("braces");
      }
      if (opts.strictSlashes !== !0 && (prev.type === "star" || prev.type === "bracket") && push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` }), state.backtrack === !0) {
        state.output = "";
        for (let token of state.tokens)
          state.output += token.output != null ? token.output : token.value, token.suffix && (state.output += token.suffix);
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      let opts = { ...options }, max = typeof opts.maxLength == "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH, len = input.length;
      if (len > max)
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      input = REPLACEMENTS[input] || input;
      let {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants6.globChars(opts.windows), nodot = opts.dot ? NO_DOTS : NO_DOT, slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT, capture = opts.capture ? "" : "?:", state = { negated: !1, prefix: "" }, star = opts.bash === !0 ? ".*?" : STAR;
      opts.capture && (star = `(${star})`);
      let globstar = (opts2) => opts2.noglobstar === !0 ? star : `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`, create = (str) => {
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
            let match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            let source2 = create(match[1]);
            return source2 ? source2 + DOT_LITERAL + match[2] : void 0;
          }
        }
      }, output = utils.removePrefix(input, state), source = create(output);
      return source && opts.strictSlashes !== !0 && (source += `${SLASH_LITERAL}?`), source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan2 = require_scan(), parse = require_parse(), utils = require_utils(), constants6 = require_constants(), isObject = (val) => val && typeof val == "object" && !Array.isArray(val), picomatch2 = (glob, options, returnState = !1) => {
      if (Array.isArray(glob)) {
        let fns = glob.map((input) => picomatch2(input, options, returnState));
        return (str) => {
          for (let isMatch of fns) {
            let state2 = isMatch(str);
            if (state2) return state2;
          }
          return !1;
        };
      }
      let isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob != "string" && !isState)
        throw new TypeError("Expected pattern to be a non-empty string");
      let opts = options || {}, posix2 = opts.windows, regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, !1, !0), state = regex.state;
      delete regex.state;
      let isIgnored = () => !1;
      if (opts.ignore) {
        let ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      let matcher = (input, returnObject = !1) => {
        let { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix2 }), result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        return typeof opts.onResult == "function" && opts.onResult(result), isMatch === !1 ? (result.isMatch = !1, returnObject ? result : !1) : isIgnored(input) ? (typeof opts.onIgnore == "function" && opts.onIgnore(result), result.isMatch = !1, returnObject ? result : !1) : (typeof opts.onMatch == "function" && opts.onMatch(result), returnObject ? result : !0);
      };
      return returnState && (matcher.state = state), matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input != "string")
        throw new TypeError("Expected input to be a string");
      if (input === "")
        return { isMatch: !1, output: "" };
      let opts = options || {}, format = opts.format || (posix2 ? utils.toPosixSlashes : null), match = input === glob, output = match && format ? format(input) : input;
      return match === !1 && (output = format ? format(input) : input, match = output === glob), (match === !1 || opts.capture === !0) && (opts.matchBase === !0 || opts.basename === !0 ? match = picomatch2.matchBase(input, regex, options, posix2) : match = regex.exec(output)), { isMatch: !!match, match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix2 = options && options.windows) => (glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options)).test(utils.basename(input, { windows: posix2 }));
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => Array.isArray(pattern) ? pattern.map((p) => picomatch2.parse(p, options)) : parse(pattern, { ...options, fastpaths: !1 });
    picomatch2.scan = (input, options) => scan2(input, options);
    picomatch2.compileRe = (state, options, returnOutput = !1, returnState = !1) => {
      if (returnOutput === !0)
        return state.output;
      let opts = options || {}, prepend = opts.contains ? "" : "^", append = opts.contains ? "" : "$", source = `${prepend}(?:${state.output})${append}`;
      state && state.negated === !0 && (source = `^(?!${source}).*$`);
      let regex = picomatch2.toRegex(source, options);
      return returnState === !0 && (regex.state = state), regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = !1, returnState = !1) => {
      if (!input || typeof input != "string")
        throw new TypeError("Expected a non-empty string");
      let parsed = { negated: !1, fastpaths: !0 };
      return options.fastpaths !== !1 && (input[0] === "." || input[0] === "*") && (parsed.output = parse.fastpaths(input, options)), parsed.output || (parsed = parse(input, options)), picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        let opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === !0) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants6;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch(), utils = require_utils();
    function picomatch2(glob, options, returnState = !1) {
      return options && (options.windows === null || options.windows === void 0) && (options = { ...options, windows: utils.isWindows() }), pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/core/outside-text.ts
var CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, CONTROL_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, NAMED = { "\n": "\\n", "\r": "\\r", "\x1B": "\\e" };
function escapeOne(c) {
  let code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 255 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
}
function escapeControl(text, { keepNewlines = !1 } = {}) {
  return text.replace(keepNewlines ? CONTROL_BUT_NEWLINE : CONTROL, escapeOne);
}
var QUOTE_MAX_CHARS = 160;
function quoteInput(value, max = QUOTE_MAX_CHARS) {
  let text = typeof value == "string" ? value : value === void 0 ? "undefined" : JSON.stringify(value) ?? String(value), chars = Array.from(text), cut = chars.length > max, shown = cut ? chars.slice(0, max).join("") : text, quoted = typeof value == "string" ? JSON.stringify(shown) : shown;
  return `${escapeControl(quoted)}${cut ? `\u2026 (${Buffer.byteLength(text)} bytes)` : ""}`;
}

// src/core/errors.ts
var ExitCode = {
  ok: 0,
  violation: 1,
  usage: 2,
  timeout: 3,
  environment: 4
}, exitByCode = {
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
  REMOTE_REFUSED: ExitCode.environment,
  /** A symbolic link (or another user's directory) where lockstep writes, reads or deletes: refused, nothing done there. */
  UNSAFE_PATH: ExitCode.environment
}, LockstepError = class extends Error {
  code;
  /** The command (or action) that fixes it, shown under the message. */
  hint;
  /** Structured detail for `--json` output. */
  detail;
  constructor(code, message, opts = {}) {
    super(message, opts.cause === void 0 ? void 0 : { cause: opts.cause }), this.name = "LockstepError", this.code = code, this.hint = opts.hint, this.detail = opts.detail;
  }
  get exitCode() {
    return exitByCode[this.code];
  }
};
function isLockstepError(e) {
  return e instanceof LockstepError;
}
function fsError(e, what, rawPath) {
  let path = escapeControl(rawPath), code = e?.code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS" ? new LockstepError("NO_PERMISSION", `cannot ${what} ${path}: permission denied (${code})`, {
    hint: `check the owner and mode of ${path} (ls -ld "${path}")`,
    cause: e
  }) : code === "ENOSPC" || code === "EDQUOT" ? new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: no space left on device`, { cause: e }) : code === "ELOOP" ? new LockstepError("UNSAFE_PATH", `refusing to ${what} ${path}: it is a symbolic link, which lockstep never follows`, {
    hint: `see what is there (ls -la "${path}") and remove the link if lockstep did not make it`,
    cause: e
  }) : code === "ENOTDIR" || code === "EISDIR" ? new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: a file is in the way (${code})`, { cause: e }) : new LockstepError("ENVIRONMENT", `cannot ${what} ${path}: ${e?.message ?? String(e)}`, { cause: e });
}

// src/core/lock.ts
import { closeSync as closeSync3, constants as constants2, existsSync as existsSync2, fstatSync as fstatSync2, lstatSync as lstatSync4, openSync as openSync2, readdirSync, readFileSync as readFileSync3, readSync, renameSync as renameSync3, statSync as statSync2, unlinkSync as unlinkSync3, utimesSync, watch, writeSync as writeSync3 } from "node:fs";
import { dirname as dirname2, join as join4 } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// src/core/files.ts
import { constants as fsc, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, unlinkSync, writeSync, closeSync, fsyncSync } from "node:fs";
import { dirname, basename, isAbsolute, join, relative, sep } from "node:path";

// src/core/names.ts
function randomHex(bytes) {
  let out = "";
  for (; out.length < bytes * 2; ) out += Math.floor(Math.random() * 4294967296).toString(16).padStart(8, "0");
  return out.slice(0, bytes * 2);
}
function sha1Hex(text) {
  let msg = Buffer.from(text, "utf8"), len = msg.length, buf = new Uint8Array(Math.ceil((len + 9) / 64) * 64);
  buf.set(msg), buf[len] = 128;
  let hi = Math.floor(len / 536870912), lo = len * 8 >>> 0, end = buf.length;
  buf[end - 8] = hi >>> 24, buf[end - 7] = hi >>> 16 & 255, buf[end - 6] = hi >>> 8 & 255, buf[end - 5] = hi & 255, buf[end - 4] = lo >>> 24, buf[end - 3] = lo >>> 16 & 255, buf[end - 2] = lo >>> 8 & 255, buf[end - 1] = lo & 255;
  let h0 = 1732584193, h1 = 4023233417, h2 = 2562383102, h3 = 271733878, h4 = 3285377520, w = new Int32Array(80);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0, p = off; i < 16; i++, p += 4) w[i] = buf[p] << 24 | buf[p + 1] << 16 | buf[p + 2] << 8 | buf[p + 3];
    for (let i = 16; i < 80; i++) {
      let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = x << 1 | x >>> 31;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4;
    for (let i = 0; i < 80; i++) {
      let f = i < 20 ? b & c | ~b & d : i < 40 ? b ^ c ^ d : i < 60 ? b & c | b & d | c & d : b ^ c ^ d, k = i < 20 ? 1518500249 : i < 40 ? 1859775393 : i < 60 ? 2400959708 : 3395469782, t = (a << 5 | a >>> 27) + f + e + k + w[i] | 0;
      e = d, d = c, c = b << 30 | b >>> 2, b = a, a = t;
    }
    h0 = h0 + a | 0, h1 = h1 + b | 0, h2 = h2 + c | 0, h3 = h3 + d | 0, h4 = h4 + e | 0;
  }
  return [h0, h1, h2, h3, h4].map((h) => (h >>> 0).toString(16).padStart(8, "0")).join("");
}

// src/core/files.ts
var O_NOFOLLOW = fsc.O_NOFOLLOW ?? 0, READ_NOFOLLOW = fsc.O_RDONLY | O_NOFOLLOW, UPDATE_NOFOLLOW = fsc.O_RDWR | O_NOFOLLOW;
function unsafePathError(path, why) {
  return new LockstepError("UNSAFE_PATH", `refusing to use ${path}: ${why}; lockstep does not follow links there`, {
    hint: `see what is there (ls -la "${path}") and remove it if lockstep did not make it`,
    detail: { path }
  });
}
function lstatOrNull(path) {
  try {
    return lstatSync(path);
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw fsError(e, "look at", path);
  }
}
function checkRealDir(path, st, anyOwner = !1) {
  if (st.isSymbolicLink()) {
    let to = "?";
    try {
      to = readlinkSync(path);
    } catch {
    }
    throw unsafePathError(path, `it is a symbolic link (to ${JSON.stringify(to)})`);
  }
  if (!st.isDirectory()) throw new LockstepError("ENVIRONMENT", `cannot use ${path} as a directory: a file is in the way`, { hint: `move it away: mv "${path}" "${path}.moved"` });
  let uid = process.getuid?.();
  if (!anyOwner && uid !== void 0 && st.uid !== uid) throw unsafePathError(path, `it belongs to user ${st.uid}, not to this user (${uid})`);
}
function componentsFrom(root, path) {
  let rel = relative(root, path);
  if (rel.startsWith("..") || isAbsolute(rel)) throw new Error(`internal: ${path} is not inside ${root}`);
  let out = [root];
  if (rel) for (let part of rel.split(sep)) out.push(join(out[out.length - 1], part));
  return out;
}
function ensureDirIn(root, path, opts = {}) {
  let parts = componentsFrom(root, path);
  opts.checkout ? parts.shift() : lstatOrNull(root) || ensureDir(dirname(root));
  for (let dir of parts) {
    let st = lstatOrNull(dir);
    if (!st) {
      try {
        mkdirSync(dir);
      } catch (e) {
        if (e.code !== "EEXIST") throw fsError(e, "create directory", dir);
      }
      st = lstatSync(dir);
    }
    checkRealDir(dir, st, opts.checkout);
  }
}
function checkDirIn(root, path) {
  for (let dir of componentsFrom(root, path)) {
    let st = lstatOrNull(dir);
    if (!st) return !1;
    checkRealDir(dir, st);
  }
  return !0;
}
function removeTreeIn(root, path) {
  if (!checkDirIn(root, dirname(path))) return !1;
  let st = lstatOrNull(path);
  if (!st) return !1;
  (st.isDirectory() || st.isSymbolicLink()) && checkRealDir(path, st);
  try {
    rmSync(path, { recursive: !0, force: !0 });
  } catch (e) {
    throw fsError(e, "remove", path);
  }
  return !0;
}
function openAppend(path, what = "append to") {
  try {
    return openSync(path, fsc.O_WRONLY | fsc.O_APPEND | fsc.O_CREAT | O_NOFOLLOW, 420);
  } catch (e) {
    throw fsError(e, what, path);
  }
}
function readFileNoFollow(path) {
  let fd = openSync(path, READ_NOFOLLOW);
  try {
    return readFileSync(fd, "utf8");
  } finally {
    closeSync(fd);
  }
}
function ensureDir(path) {
  try {
    mkdirSync(path, { recursive: !0 });
  } catch (e) {
    throw fsError(e, "create directory", path);
  }
}
function tempPathFor(path) {
  return join(dirname(path), `.tmp.${basename(path)}.${process.pid}.${randomHex(4)}`);
}
function writeFileAtomic(path, data, opts = {}) {
  let tmp = tempPathFor(path);
  try {
    let fd = openSync(tmp, "wx", 420);
    try {
      writeSync(fd, data), opts.fsync && fsyncSync(fd);
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
    throw closeSync(fd), unlinkQuiet(path), fsError(e, what, where);
  }
  return fd;
}
function readJsonFile(path, what) {
  let text;
  try {
    text = readFileNoFollow(path);
  } catch (e) {
    if (e.code === "ENOENT") return;
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
    return unlinkSync(path), !0;
  } catch {
    return !1;
  }
}
function writeTempIn(dir, data, what = "write a record in") {
  let path = join(dir, `.tmp.${process.pid}.${randomHex(6)}`), fd = openExclusive(path, data, what, dir);
  if (fd === null) throw new LockstepError("CONFLICT", `could not ${what} ${dir}: ${path} exists already`);
  return closeSync(fd), path;
}
function tryLink(src, dest, missingOk = !1) {
  try {
    return linkSync(src, dest), !0;
  } catch (e) {
    let code = e.code;
    if (code === "EEXIST" || missingOk && code === "ENOENT") return !1;
    throw fsError(e, "create", dest);
  }
}

// src/core/events.ts
import { closeSync as closeSync2, fstatSync, linkSync as linkSync2, lstatSync as lstatSync2, renameSync as renameSync2, unlinkSync as unlinkSync2, writeSync as writeSync2 } from "node:fs";
import { join as join2 } from "node:path";

// src/core/process.ts
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync as readFileSync2 } from "node:fs";
import { hostname } from "node:os";
function readProcStat(pid) {
  let text;
  try {
    text = readFileSync2(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  let open = text.indexOf("("), close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  let rest = text.slice(close + 2).split(" ");
  if (rest[0] === "Z" || rest[0] === "X") return null;
  let ppid = Number(rest[1]), start = rest[19];
  return !Number.isFinite(ppid) || start === void 0 ? null : { comm: text.slice(open + 1, close), ppid, start };
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
    let out = execFileSync("ps", ["-o", `${field}=`, "-p", String(pid)], {
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
    let v = ps(pid, "ppid");
    return v === null ? null : Number(v);
  },
  commandName: (pid) => {
    let v = ps(pid, "comm");
    return v === null ? null : v.split("/").pop() ?? v;
  }
}, chosen, hasProcfs;
function procfsAvailable() {
  return hasProcfs ??= existsSync("/proc/self/stat");
}
function processInspector() {
  if (chosen) return chosen;
  let forced = process.env.LOCKSTEP_PROCESS_INSPECTOR;
  return forced === "ps" ? chosen = psInspector : forced === "procfs" ? chosen = procfsInspector : chosen = procfsAvailable() ? procfsInspector : psInspector, chosen;
}
function pidExists(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return !1;
  try {
    return process.kill(pid, 0), !0;
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
      let out = execFileSync("sysctl", ["-n", "kern.boottime"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }), m = /sec = (\d+)/.exec(out);
      bootIdCache = m ? `boottime-${m[1]}` : null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache;
}
var euidCache;
function effectiveUid() {
  return euidCache === void 0 && (euidCache = typeof process.geteuid == "function" ? process.geteuid() : typeof process.getuid == "function" ? process.getuid() : -1), euidCache;
}
var ownStartStamps = /* @__PURE__ */ new Map();
function identityOf(pid, inspector = processInspector()) {
  let pidStart;
  return pid === process.pid ? (pidStart = ownStartStamps.get(inspector) ?? startStamp(pid, inspector), pidStart !== null && ownStartStamps.set(inspector, pidStart)) : pidStart = startStamp(pid, inspector), { pid, pidStart, bootId: bootId(), host: hostId(), uid: effectiveUid() };
}
function startStamp(pid, inspector = processInspector()) {
  let raw = inspector.startTime(pid);
  return raw === null ? null : `${inspector.kind}:${raw}`;
}
function inspectorFor(stamp, fallback) {
  return stamp.startsWith("procfs:") ? procfsAvailable() ? procfsInspector : fallback : stamp.startsWith("ps:") ? psInspector : fallback;
}
var hostCache;
function hostId() {
  return (hostCache === void 0 || process.env.LOCKSTEP_HOST_ID) && (hostCache = process.env.LOCKSTEP_HOST_ID || hostname()), hostCache;
}
function liveness(owner, inspector = processInspector()) {
  if (owner.host !== hostId()) return { state: "remote", reason: `owner runs on host ${owner.host}` };
  let boot = bootId();
  if (owner.bootId && boot && owner.bootId !== boot) return { state: "dead", reason: "written before this machine last booted" };
  if (!pidExists(owner.pid)) return { state: "dead", reason: `pid ${owner.pid} is not running` };
  if (owner.pidStart !== null) {
    let now = startStamp(owner.pid, inspectorFor(owner.pidStart, inspector));
    if (now === null) return { state: "dead", reason: `pid ${owner.pid} is not running` };
    if (now !== owner.pidStart) return { state: "dead", reason: `pid ${owner.pid} was reused by another process` };
  }
  return { state: "alive" };
}

// src/core/events.ts
var ROTATE_BYTES = 16 * 1024 * 1024;
function eventsPath(root) {
  return join2(root, "events.jsonl");
}
var openLogs = /* @__PURE__ */ new Map(), MAX_OPEN_LOGS = 8;
function closeLog(path) {
  let log = openLogs.get(path);
  if (log) {
    openLogs.delete(path);
    try {
      closeSync2(log.fd);
    } catch {
    }
  }
}
function openLog(path) {
  let fd = openAppend(path);
  try {
    let st = fstatSync(fd, { bigint: !0 }), log = { fd, dev: st.dev, ino: st.ino };
    return openLogs.size >= MAX_OPEN_LOGS && closeLog(openLogs.keys().next().value), openLogs.set(path, log), log;
  } catch (e) {
    throw closeSync2(fd), e;
  }
}
function logFor(path) {
  let st = lstatSync2(path, { bigint: !0, throwIfNoEntry: !1 }), log = openLogs.get(path);
  return log && (!st || st.dev !== log.dev || st.ino !== log.ino) && (closeLog(path), log = void 0), st && st.size > ROTATE_BYTES && (rotate(path, st.ino), closeLog(path), log = void 0), log ?? openLog(path);
}
function rotate(path, ino) {
  let aside = `${path}.rotating.${process.pid}.${randomHex(4)}`;
  try {
    renameSync2(path, aside);
  } catch {
    return;
  }
  try {
    if (lstatSync2(aside, { bigint: !0 }).ino === ino) {
      renameSync2(aside, `${path}.1`);
      return;
    }
    try {
      linkSync2(aside, path);
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      let fd = openAppend(path);
      try {
        writeSync2(fd, readFileNoFollow(aside));
      } finally {
        closeSync2(fd);
      }
    }
    unlinkSync2(aside);
  } catch {
  }
}
function appendEvent(root, type, fields = {}) {
  let path = eventsPath(root), line = JSON.stringify({ ts: (/* @__PURE__ */ new Date()).toISOString(), type, pid: process.pid, host: hostId(), ...fields }) + `
`;
  try {
    writeSync2(logFor(path).fd, line);
  } catch {
    closeLog(path);
  }
}
function readEvents(root, filter) {
  let text;
  try {
    text = readFileNoFollow(eventsPath(root));
  } catch {
    return [];
  }
  let out = [];
  for (let line of text.split(`
`))
    if (line)
      try {
        let e = JSON.parse(line);
        (!filter || filter(e)) && out.push(e);
      } catch {
      }
  return out;
}

// src/core/runtime.ts
import { lstatSync as lstatSync3 } from "node:fs";
import { join as join3 } from "node:path";

// src/git/git.ts
import { execFile, spawnSync } from "node:child_process";

// src/core/spawn-error.ts
import { accessSync, constants, statSync } from "node:fs";
var SHOWN_MAX = 120;
function showDir(dir) {
  let cut = dir.length > SHOWN_MAX ? `${dir.slice(0, SHOWN_MAX)}\u2026` : dir, shown = /^[\w./@+-]+$/.test(cut) ? cut : JSON.stringify(cut).replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return dir.length > SHOWN_MAX ? `${shown} (${dir.length} characters)` : shown;
}
function unusableDir(dir) {
  try {
    let st = statSync(dir, { throwIfNoEntry: !1 });
    return st ? st.isDirectory() ? (accessSync(dir, constants.X_OK), null) : "not a directory" : "no such directory";
  } catch (e) {
    let code = e.code;
    return code === "ENAMETOOLONG" ? "the path is too long" : code === "ENOTDIR" ? "a part of the path is not a directory" : code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ELOOP" ? "too many levels of symbolic links" : `cannot use it (${code ?? String(e)})`;
  }
}
function badCwdError(program, cwd) {
  let why = unusableDir(cwd ?? process.cwd());
  if (why === null) return null;
  let dir = cwd ?? process.cwd();
  return new LockstepError("BAD_INPUT", `cannot run ${program} in ${showDir(dir)}: ${why}`, { detail: { cwd: dir, reason: why } });
}
function spawnFailureMessage(program, cwd, e) {
  let bad2 = badCwdError(program, cwd);
  return bad2 ? bad2.message : e?.code === "ENOENT" ? `command not found: ${program}` : `cannot run ${program}: ${e?.message ?? String(e)}`;
}

// src/core/duration.ts
var MAX_DURATION_MS = 24 * 864e5, UNIT_MS = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5 };
function formatDuration(ms) {
  if (ms === 0) return "0";
  for (let [unit, size] of [["days", 864e5], ["h", 36e5], ["min", 6e4], ["s", 1e3]])
    if (ms % size === 0) return `${ms / size} ${unit === "days" && ms === size ? "day" : unit}`;
  return `${ms} ms`;
}
function refuse(what, value, range, why) {
  let shown = typeof value == "string" ? quoteInput(value) : String(value);
  throw new LockstepError(
    "BAD_INPUT",
    `${what} takes a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)} (seconds, or with a unit: 1.5, 500ms, 90s, 15m, 2h, 1d), not ${shown}${why ? `: ${why}` : ""}`
  );
}
function parseDuration(value, what, range = {}) {
  let r = { min: range.min ?? 0, max: range.max ?? MAX_DURATION_MS }, m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  return m || refuse(what, value, r), inRange(Number(m[1]) * UNIT_MS[m[2] ?? "s"], what, value, r);
}
function durationFromSeconds(seconds, what, range = {}) {
  let r = { min: range.min ?? 0, max: range.max ?? MAX_DURATION_MS };
  return (!Number.isFinite(seconds) || seconds < 0) && refuse(what, seconds, r), inRange(seconds * 1e3, what, seconds, r);
}
function inRange(exact, what, value, r) {
  let ms = Math.round(exact);
  return Math.abs(exact - ms) > 1e-6 && refuse(what, value, r, "finer than a millisecond"), (ms < r.min || ms > r.max) && refuse(what, value, r), ms;
}
function timerDelay(ms) {
  return Number.isNaN(ms) ? 1 : Math.min(MAX_DURATION_MS, Math.max(1, Math.ceil(ms)));
}

// src/git/git.ts
var MAX_BUFFER = 256 * 1024 * 1024;
function envFor(opts) {
  let env = { ...process.env, ...opts?.env ?? {} };
  return opts?.readOnly && (env.GIT_OPTIONAL_LOCKS = "0"), env.GIT_TERMINAL_PROMPT = "0", env;
}
function spawnFailed(e, cwd) {
  let badCwd = badCwdError("git", cwd);
  return badCwd || (e?.code === "ENOENT" ? new LockstepError("GIT_MISSING", "git was not found on PATH", { hint: "install git (https://git-scm.com) and try again" }) : e);
}
function failure(args, r) {
  let msg = r.stderr.trim() || r.stdout.trim() || `exit ${r.code}`;
  return new LockstepError("GIT_FAILED", `git ${args.join(" ")} failed: ${msg}`, { detail: { args, code: r.code, stderr: r.stderr } });
}
function createGit(cwd) {
  let git = {
    cwd,
    run(args, opts) {
      return new Promise((resolve11, reject) => {
        let timeout = opts?.timeoutMs && opts.timeoutMs > 0 ? timerDelay(opts.timeoutMs) : 0, done = (err, stdout, stderr) => {
          if (err && typeof err.code == "string") {
            reject(spawnFailed(err, cwd));
            return;
          }
          let code = err ? err.code ?? 1 : 0, timedOut = !!(err && timeout && err.killed);
          resolve11({ code: typeof code == "number" ? code : 1, stdout, stderr, ...timedOut ? { timedOut } : {} });
        }, child;
        try {
          child = execFile("git", args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: "utf8", timeout, killSignal: "SIGKILL" }, done);
        } catch (e) {
          reject(spawnFailed(e, cwd));
          return;
        }
        opts?.input !== void 0 ? child.stdin?.end(opts.input) : child.stdin?.end();
      });
    },
    runSync(args, opts) {
      let r = spawnSync("git", args, { cwd, env: envFor(opts), maxBuffer: MAX_BUFFER, encoding: "utf8", input: opts?.input });
      if (r.error) throw spawnFailed(r.error, cwd);
      return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
    },
    async exec(args, opts) {
      let r = await git.run(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    execSync(args, opts) {
      let r = git.runSync(args, opts);
      if (r.code !== 0) throw failure(args, r);
      return r.stdout;
    },
    repoPaths() {
      let r = git.runSync(["rev-parse", "--path-format=absolute", "--git-common-dir", "--git-dir", "--is-bare-repository"], { readOnly: !0 });
      if (r.code !== 0)
        throw new LockstepError("NOT_A_REPO", `${cwd} is not inside a git repository`, {
          hint: "run lockstep from a git checkout, or create one with `git init`",
          detail: { stderr: r.stderr.trim() }
        });
      let [commonDir, gitDir, bareFlag] = r.stdout.split(`
`), bare = bareFlag === "true", topLevel = null;
      if (!bare) {
        let t = git.runSync(["rev-parse", "--show-toplevel"], { readOnly: !0 });
        topLevel = t.code === 0 && t.stdout.trim() || null;
      }
      return { commonDir, gitDir, topLevel, bare };
    }
  };
  return git;
}

// src/core/runtime.ts
var cache = /* @__PURE__ */ new Map();
function openRuntime(opts = {}) {
  let cwd = opts.cwd ?? process.cwd(), key = `${cwd}\0${opts.allowBare ? 1 : 0}`, hit = cache.get(key);
  if (hit) return hit;
  let repo = createGit(cwd).repoPaths();
  if (repo.bare && !opts.allowBare)
    throw new LockstepError("BARE_REPO", `${repo.commonDir} is a bare repository: lockstep coordinates work in checkouts`, {
      hint: "run lockstep in a clone or worktree of it (git clone, git worktree add)"
    });
  let root = join3(repo.commonDir, "lockstep");
  ensureRuntimeRoot(root);
  let rt = { root, repo };
  return cache.set(key, rt), rt;
}
function ensureRuntimeRoot(root) {
  ensureDirIn(root, root);
  let log = eventsPath(root);
  if (lstatSync3(log, { throwIfNoEntry: !1 })?.isSymbolicLink()) throw unsafePathError(log, "it is a symbolic link");
}
var LOCK_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
function validateLockName(name) {
  if (typeof name != "string" || !LOCK_NAME.test(name))
    throw new LockstepError("BAD_NAME", `invalid lock name ${quoteInput(name)}: use 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit`);
  return name;
}

// src/core/actor.ts
var TASK_ID = /^[A-Za-z0-9._-]{1,64}$/, AGENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
function validateTaskId(id) {
  if (typeof id != "string" || !TASK_ID.test(id) || id === "." || id === "..")
    throw new LockstepError("BAD_NAME", `invalid task id ${quoteInput(id)}: use 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-' (not "." or "..")`);
  return id;
}
function validateAgentId(agent) {
  if (typeof agent != "string" || !AGENT_ID.test(agent))
    throw new LockstepError("BAD_NAME", `invalid agent id ${quoteInput(agent)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-', starting with a letter or digit`);
  return agent;
}

// src/core/wait-deadline.ts
var WaitDeadline = class {
  /** `timeoutMs` without progress ends the wait; 0: the first check ends it (try once). */
  constructor(timeoutMs) {
    this.timeoutMs = timeoutMs;
  }
  timeoutMs;
  started = performance.now();
  movedAt = this.started;
  top = -1;
  ahead = -1;
  /** Records a look at the lock: its top generation, and how many waiters are ahead of this one. */
  look(top, ahead) {
    (top !== this.top || this.ahead >= 0 && ahead < this.ahead) && (this.movedAt = performance.now()), this.top = top, this.ahead = ahead;
  }
  /** How long the wait may still go on without progress (0 once it is over). */
  remainingMs() {
    return Math.max(0, this.movedAt + this.timeoutMs - performance.now());
  }
  expired() {
    return this.remainingMs() === 0;
  }
  /** Since the wait began. */
  waitedMs() {
    return performance.now() - this.started;
  }
  /** Since the queue last moved. */
  stillMs() {
    return performance.now() - this.movedAt;
  }
};

// src/core/lock.ts
var DEFAULT_LOCK = "commit", DEFAULT_TIMEOUT_MS = 6e4, DEFAULT_LEASE_MS = 12e4, TOKEN_ENV = "LOCKSTEP_LOCK_TOKEN", SCHEMA = 1, RECHECK_MS = 25, REQUEUE_WITHIN_MS = 1e3, MAX_LOCK_DATA_BYTES = 4096, SERVED_RESULT = /^[A-Za-z0-9_-]{1,64}$/, SERVED_LINE = /\n([1-9][0-9]{0,15})\.([A-Za-z0-9_-]{1,64})$/;
function lockDir(rt, name) {
  return join4(rt.root, "locks", name);
}
var knownLockDirs = /* @__PURE__ */ new Set();
function tempDirOf(dir) {
  return join4(dirname2(dir), ".tmp");
}
function ensureLockDir(dir) {
  let root = dirname2(dirname2(dir));
  ensureRuntimeRoot(root), ensureDirIn(root, dir), ensureDirIn(root, tempDirOf(dir)), knownLockDirs.size >= 1024 && knownLockDirs.clear(), knownLockDirs.add(dir);
}
function ownerFields(name, opts, leaseMs) {
  let ownerPid = opts.ownerPid ?? process.pid, ident = identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid)
    throw new LockstepError("BAD_INPUT", `owner pid ${ownerPid} is not a running process`);
  return {
    v: SCHEMA,
    lock: name,
    state: "held",
    pid: ownerPid,
    pidStart: ident.pidStart,
    bootId: ident.bootId,
    host: ident.host,
    uid: ident.uid,
    task: opts.task == null ? null : validateTaskId(opts.task),
    agent: opts.agent == null ? null : validateAgentId(opts.agent),
    cwd: opts.cwd ?? process.cwd(),
    command: opts.command ?? process.argv.slice(1).join(" ").slice(0, 500),
    leaseMs
  };
}
function writeLockTemp(dir, data) {
  let tmpDir = tempDirOf(dir);
  knownLockDirs.has(dir) || ensureLockDir(dir);
  try {
    return writeTempIn(tmpDir, data);
  } catch {
    return knownLockDirs.delete(dir), ensureLockDir(dir), writeTempIn(tmpDir, data);
  }
}
function checkLockData(data) {
  if (typeof data != "object" || data === null || Array.isArray(data))
    throw new LockstepError("BAD_INPUT", "lock release data must be a JSON object");
  let size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_LOCK_DATA_BYTES) throw new LockstepError("BAD_INPUT", `lock release data is ${size} bytes of JSON; at most ${MAX_LOCK_DATA_BYTES} are kept`);
  return data;
}
function releasedData(rec) {
  if (rec.state !== "released") return null;
  let d = rec.data;
  return typeof d == "object" && d !== null && !Array.isArray(d) ? d : null;
}
function readView(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch (e) {
    if (e.code === "ENOENT") return { top: 0, generations: 0, tickets: [], entries: [] };
    throw fsError(e, "read lock directory", dir);
  }
  let top = 0, generations = 0, tickets = [];
  for (let e of entries) {
    let c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      let n = Number(e);
      generations++, Number.isSafeInteger(n) && n > top && (top = n);
    } else if (e.startsWith("w.")) {
      let n = Number(e.slice(2));
      Number.isSafeInteger(n) && tickets.push(n);
    }
  }
  return tickets.sort((a, b) => a - b), { top, generations, tickets, entries };
}
var recordBuf = Buffer.allocUnsafe(16 * 1024);
function readRecordOnce(path) {
  let fd = openSync2(path, READ_NOFOLLOW | constants2.O_NONBLOCK);
  try {
    let n = readSync(fd, recordBuf, 0, recordBuf.length, 0);
    return recordBuf.toString("utf8", 0, n);
  } finally {
    closeSync3(fd);
  }
}
function parseRecord(text) {
  try {
    return { rec: JSON.parse(text) };
  } catch {
    let served = SERVED_LINE.exec(text);
    return served ? parseRecord(text.slice(0, served.index)) : null;
  }
}
function servedResult(fd) {
  let n = readSync(fd, recordBuf, 0, recordBuf.length, 0), buf = recordBuf;
  n === recordBuf.length && (buf = Buffer.allocUnsafe(fstatSync2(fd).size), n = readSync(fd, buf, 0, buf.length, 0));
  let m = SERVED_LINE.exec(buf.toString("utf8", 0, n));
  if (!m) return null;
  let token = Number(m[1]);
  return Number.isSafeInteger(token) ? { token, result: m[2] } : null;
}
function readGeneration(dir, n) {
  let path = join4(dir, String(n)), text, parsed;
  try {
    if (text = readRecordOnce(path), parsed = parseRecord(text), !parsed) {
      let odd = oddEntry(path);
      if (odd) return { corrupt: odd };
      text = readFileSync3(path, "utf8"), parsed = parseRecord(text);
    }
  } catch (e) {
    let odd = oddEntry(path);
    if (odd) return { corrupt: odd };
    if (e.code === "ENOENT") return null;
    throw fsError(e, "read lock record", path);
  }
  if (!parsed) return { corrupt: text.length === 0 ? "empty record" : `not JSON: ${JSON.stringify(text.slice(0, 40))}` };
  let rec = parsed.rec;
  return rec && (rec.state === "held" || rec.state === "released" || rec.state === "broken") ? rec : { corrupt: `unexpected record ${text.slice(0, 80)}` };
}
function oddEntry(path) {
  try {
    let l = lstatSync4(path, { throwIfNoEntry: !1 });
    if (!l) return null;
    let st = l.isSymbolicLink() ? statSync2(path, { throwIfNoEntry: !1 }) : l;
    return st ? st.isFile() ? null : `${st.isDirectory() ? "a directory" : st.isFIFO() ? "a FIFO" : st.isSocket() ? "a socket" : "a special file"}, not a record` : "a symbolic link to nothing, not a record";
  } catch (e) {
    return `not a record (${e.code ?? String(e)})`;
  }
}
function isCorrupt(r) {
  return typeof r == "object" && r !== null && "corrupt" in r;
}
function ownerLiveness(rec, now = Date.now()) {
  let main = liveness(rec);
  if (main.state === "remote") {
    let expires = rec.renewedAtMs + rec.leaseMs;
    return now > expires ? { state: "dead", reason: `lease of host ${escapeControl(rec.host)} ran out ${Math.round((now - expires) / 1e3)} s ago` } : main;
  }
  if (main.state === "alive") return main;
  for (let extra of rec.extraOwners ?? [])
    if (liveness({ ...extra, bootId: rec.bootId, host: rec.host }).state === "alive") return { state: "alive" };
  return main;
}
function lockTimeout(name, token, holder, ahead, deadline) {
  let s = (ms) => `${(ms / 1e3).toFixed(1)} s`, now = Date.now(), held = holder ? `held by ${describeHolder(holder)} for ${s(Math.max(0, now - holder.acquiredAtMs))} (since ${escapeControl(String(holder.acquiredAt))})` : "not held, but not yet this waiter's turn", queue = `${ahead} ${ahead === 1 ? "waiter" : "waiters"} ahead of this one`, message = `timed out waiting for the ${name} lock: the queue did not move for ${s(deadline.stillMs())} (waited ${s(deadline.waitedMs())} in all); it is ${held}; ${queue}`, l = holder ? ownerLiveness(holder, now) : null, hint = l ? l.state === "dead" ? `its holder is gone (${l.reason}): lockstep lock break ${name}` : l.state === "remote" ? `its holder runs on host ${escapeControl(String(holder.host))}; lockstep takes the lock over once its lease runs out, at ${new Date(holder.renewedAtMs + holder.leaseMs).toISOString()}. See it: lockstep lock status ${name}` : `its holder (pid ${holder.pid}) is alive, still working: wait longer (a larger --timeout) or see what it does: lockstep lock status ${name}` : `see the queue: lockstep lock status ${name}`;
  return new LockstepError("LOCK_TIMEOUT", message, { hint, detail: { lock: name, token, holder, holderAlive: l ? l.state !== "dead" : null, ahead, waitedMs: Math.round(deadline.waitedMs()), stillMs: Math.round(deadline.stillMs()) } });
}
function describeHolder(rec) {
  if (!rec) return "nobody";
  let who = [rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, rec.host !== hostId() ? `host ${rec.host}` : null].filter(Boolean).join(", ");
  return escapeControl(who);
}
function parseTokenEnv(env) {
  let out = /* @__PURE__ */ new Map(), raw = env[TOKEN_ENV];
  if (!raw) return out;
  for (let part of raw.split(",")) {
    let i = part.lastIndexOf(":");
    if (i <= 0) continue;
    let n = Number(part.slice(i + 1));
    Number.isSafeInteger(n) && n > 0 && out.set(part.slice(0, i), n);
  }
  return out;
}
function tokenEnvFor(handle, env = process.env) {
  let m = parseTokenEnv(env);
  return m.set(handle.name, handle.token), [...m].map(([k, v]) => `${k}:${v}`).join(",");
}
function compact(dir, view, mine) {
  let old = [];
  for (let e of view.entries) {
    let c = e.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      let n = Number(e);
      n < mine - 2 && old.push(n);
    } else e.startsWith(".tmp.") && mine % 8 === 0 && removeIfDead(dir, e);
  }
  old.sort((a, b) => a - b);
  for (let n of old) unlinkQuiet(join4(dir, String(n)));
  if (mine % 32 === 0) {
    let tmpDir = tempDirOf(dir), temps = [];
    try {
      temps = readdirSync(tmpDir);
    } catch {
    }
    for (let e of temps) e.startsWith(".tmp.") && removeIfDead(tmpDir, e);
  }
}
function removeIfDead(dir, name) {
  let pid = Number(name.split(".")[2]);
  pid !== process.pid && Number.isInteger(pid) && pid > 0 && !pidExists(pid) && unlinkQuiet(join4(dir, name));
}
function dropDeadTickets(dir, tickets, below) {
  let live = [];
  for (let t of tickets) {
    if (t >= below) continue;
    let path = join4(dir, `w.${t}`), rec = null;
    try {
      rec = parseRecord(readFileSync3(path, "utf8"))?.rec ?? null;
    } catch (e) {
      if (e.code === "ENOENT") continue;
      rec = null;
    }
    rec && ownerLiveness(rec).state === "alive" ? live.push(t) : unlinkQuiet(path);
  }
  return live;
}
function resolveRuntime(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function reentrantHandle(rt, name, dir, token) {
  if (readView(dir).top !== token) return null;
  let rec = readGeneration(dir, token);
  return !rec || isCorrupt(rec) || rec.state !== "held" || ownerLiveness(rec).state !== "alive" ? null : { name, token, nonce: rec.nonce, reentrant: !0, dir, root: rt.root, acquiredAtMs: rec.acquiredAtMs, waitedMs: 0, tookOver: null, record: rec, previousData: null };
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
  let name = validateLockName(opts.name ?? DEFAULT_LOCK), rt = resolveRuntime(opts), dir = lockDir(rt, name), env = opts.env ?? process.env;
  if (opts.reentrant !== !1) {
    let inherited = parseTokenEnv(env).get(name);
    if (inherited !== void 0) {
      let h = reentrantHandle(rt, name, dir, inherited);
      if (h) return h;
    }
  }
  let timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError("BAD_INPUT", `invalid lock timeout ${timeoutMs}`);
  let now = Date.now(), record = {
    ...ownerFields(name, opts, opts.leaseMs ?? DEFAULT_LEASE_MS),
    nonce: randomHex(8),
    acquiredAt: new Date(now).toISOString(),
    acquiredAtMs: now,
    renewedAtMs: now,
    ...request ? { request } : {}
  }, text = JSON.stringify(record), opened = request !== void 0, tmp = opened ? "" : writeLockTemp(dir, text), tempRecord = () => tmp || (tmp = writeLockTemp(dir, text)), recordFd = -1, recordBytes = opened ? Buffer.byteLength(text) : 0, pendingSize = -1, started = Date.now(), deadline = new WaitDeadline(timeoutMs), ahead = 0, ticket = 0, lastHolder = null, lastToken = 0, nextWaitReport = 0, spins = 0, firstTop = -1, lastTop = -1, topSince = started, last2 = null, waker = null, ticketIno = -1, servedTicket = 0, wakerPollMs = (head) => untilDeadline(head ? 2 : 20 + Math.random() * 30), untilDeadline = (ms) => Math.min(ms, deadline.remainingMs()), servedBy = (s) => {
    let now2 = Date.now();
    return servedTicket && lastServed.set(dir, { token: s.token, ticket: servedTicket, at: now2 }), { served: !0, name, token: s.token, result: s.result, waitedMs: now2 - started };
  }, enqueue = (tickets) => {
    if (!opened)
      return ticket = takeTicket(dir, tmp, tickets), ticket ? (waker = ticketWaker(tmp), !0) : !1;
    let made2 = writeTicket(dir, text, tickets);
    if (!made2) return !1;
    ticket = made2.ticket, recordFd = made2.fd, waker = ticketWaker(join4(dir, `w.${ticket}`));
    let st = fstatSync2(recordFd);
    return ticketIno = st.ino, st.nlink > 0;
  };
  try {
    try {
      let hint = opened && timeoutMs > 0 ? lastServed.get(dir) : void 0;
      for (hint && (lastServed.delete(dir), Date.now() - hint.at < REQUEUE_WITHIN_MS && enqueue([hint.ticket]) && !movedOn(dir, hint.token) && await waker?.wait(wakerPollMs(!1))); ; ) {
        if (opts.signal?.aborted) throw new LockstepError("LOCK_TIMEOUT", `gave up waiting for the ${name} lock (aborted)`);
        if (opened && ticket) {
          let st = fstatSync2(recordFd);
          if (stillQueued(dir, ticket, st)) {
            if (waker && st.size > recordBytes && st.size !== pendingSize) {
              pendingSize = st.size, await waker.wait(wakerPollMs(!1));
              continue;
            }
          } else {
            let served = servedResult(recordFd);
            if (servedTicket = ticket, ticket = 0, served) return servedBy(served);
            waker?.close(), waker = null, closeSync3(recordFd), recordFd = -1;
          }
        }
        let view = readView(dir), ourAt = ticket ? view.tickets.indexOf(ticket) : -1;
        if (ahead = ourAt < 0 ? view.tickets.length : ourAt, deadline.look(view.top, ahead), firstTop < 0 && (firstTop = view.top), view.top !== lastTop && (lastTop = view.top, topSince = Date.now()), !(opened && ticket === 0 && timeoutMs > 0 && view.tickets.length > 0)) {
          let prev = last2, seen = prev && prev.top === view.top && Date.now() - prev.at < RECHECK_MS ? prev : null, cur = view.top === 0 ? null : seen ? seen.rec : readGeneration(dir, view.top), free = !1, handed = null, stale = null;
          if (view.top === 0 || cur === null) {
            if (free = view.top === 0, cur === null && view.top !== 0) continue;
          } else if (isCorrupt(cur))
            stale = { token: view.top, rec: null, reason: `corrupt record (${cur.corrupt})` };
          else if (cur.state !== "held")
            free = !0, handed = releasedData(cur);
          else {
            lastHolder = cur;
            let fresh = timeoutMs > 0 && cur.host === hostId() && Math.abs(Date.now() - cur.renewedAtMs) < RECHECK_MS, l = seen || fresh ? { state: "alive" } : ownerLiveness(cur);
            l.state === "dead" && (stale = { token: view.top, rec: cur, reason: l.reason });
          }
          if (!seen && cur && !isCorrupt(cur) && !stale && (last2 = { top: view.top, rec: cur, at: Date.now() }), lastToken = view.top, free || stale) {
            let mayGo = ticket === 0 ? view.tickets.length === 0 : view.tickets[0] === ticket || view.tickets.length === 0;
            if (mayGo || touchFirst(dir, view.tickets.slice(0, 1), /* @__PURE__ */ new Date()), !mayGo && Date.now() - topSince > 20 && (mayGo = dropDeadTickets(dir, view.tickets, ticket === 0 ? Number.MAX_SAFE_INTEGER : ticket).length === 0), mayGo) {
              let mine = view.top + 1, target = join4(dir, String(mine)), linked = linkStamped(dir, record, target, tempRecord);
              if (linked) {
                let after = readView(dir);
                if (after.top !== mine) {
                  unlinkQuiet(target);
                  continue;
                }
                let acquiredAtMs = linked.acquiredAtMs, wasQueued = ticket ? opened ? takeBackTicket(dir, ticket, ticketIno) : unlinkQuiet(join4(dir, `w.${ticket}`)) : !0, myTicket = ticket;
                ticket = 0;
                let queued = myTicket ? after.tickets.filter((t2) => t2 !== myTicket) : after.tickets;
                after.generations > 16 && compact(dir, after, mine);
                let waitedMs = Math.max(0, acquiredAtMs - started), tookOver = stale ? { token: stale.token, pid: stale.rec?.pid ?? 0, host: stale.rec?.host ?? "", reason: stale.reason, task: stale.rec?.task ?? null } : null;
                tookOver && appendEvent(rt.root, "takeover", { lock: name, token: mine, from: tookOver }), appendEvent(rt.root, "acquire", { lock: name, token: mine, owner: record.pid, task: record.task, agent: record.agent, waitedMs });
                let handle = { name, token: mine, nonce: record.nonce, reentrant: !1, dir, root: rt.root, acquiredAtMs, waitedMs, tookOver, record: linked, previousData: handed };
                if (acquiredViews.set(handle, { ...after, tickets: queued }), opened && !wasQueued) {
                  let served = servedResult(recordFd);
                  if (served)
                    return releaseLock(handle), servedBy(served);
                }
                return handle;
              }
              spins = 0;
              continue;
            }
          }
        }
        let t = Date.now();
        if (deadline.expired())
          throw appendEvent(rt.root, "timeout", { lock: name, token: lastToken, waitedMs: Math.round(deadline.waitedMs()), heldBy: lastHolder?.pid ?? null }), lockTimeout(name, lastToken, lastHolder, ahead, deadline);
        if (ticket === 0 && timeoutMs > 0) {
          let queued = enqueue(view.tickets);
          if (opened || appendEvent(rt.root, "wait", { lock: name, token: view.top, ticket, heldBy: lastHolder?.pid ?? null, heldByTask: lastHolder?.task ?? null }), ticket && (!queued || movedOn(dir, view.top))) continue;
        }
        opts.onWait && t >= nextWaitReport && (nextWaitReport = t + 1e3, opts.onWait({ name, waitedMs: t - started, holder: lastHolder, token: lastToken, waiters: view.tickets.length }));
        let cycles = (view.top - firstTop) / 2, cycleMs = cycles >= 1 ? (t - started) / cycles : 2, position = ahead;
        spins++;
        let delay;
        if (waker)
          delay = wakerPollMs(position === 0);
        else if (position === 0)
          delay = spins < 200 ? 0 : Math.min(4, 1 + (spins >> 8));
        else {
          let expected = position * cycleMs;
          delay = Math.min(50, expected * (0.3 + Math.random() * 0.2)), delay < 1 && (delay = 0);
        }
        delay = untilDeadline(delay), waker ? await waker.wait(delay) : delay === 0 ? await new Promise((r) => setImmediate(r)) : await sleep(delay);
      }
    } catch (e) {
      if (opened && ticket) {
        let served = withdrawRequest(dir, ticket, ticketIno, recordFd);
        if (ticket = 0, served) return servedBy(served);
      }
      throw e;
    }
  } finally {
    waker?.close(), recordFd >= 0 && closeSync3(recordFd), tmp && unlinkQuiet(tmp), ticket && (opened ? takeBackTicket(dir, ticket, ticketIno) : unlinkQuiet(join4(dir, `w.${ticket}`)));
  }
}
function ticketWaker(path) {
  let pending = !1, wakeUp = null, watcher;
  try {
    watcher = watch(path, { persistent: !1 }, () => {
      pending = !0, wakeUp?.();
    });
  } catch {
    return null;
  }
  return watcher.on("error", () => {
  }), {
    wait(ms) {
      return pending ? (pending = !1, Promise.resolve()) : new Promise((resolve11) => {
        let done = () => {
          clearTimeout(timer), wakeUp = null, pending = !1, resolve11();
        }, timer = setTimeout(done, ms);
        wakeUp = done;
      });
    },
    close() {
      wakeUp = null, watcher.close();
    }
  };
}
function wakeNext(dir, queued) {
  let now = /* @__PURE__ */ new Date();
  queued.length === 0 && touchFirst(dir, [1], now) || touchFirst(dir, readView(dir).tickets, now);
}
function movedOn(dir, top) {
  return existsSync2(join4(dir, String(top + 1))) ? !0 : top > 0 && !0 && !existsSync2(join4(dir, String(top)));
}
function touchFirst(dir, tickets, now) {
  for (let t of tickets)
    try {
      return utimesSync(join4(dir, `w.${t}`), now, now), !0;
    } catch {
    }
  return !1;
}
var acquiredViews = /* @__PURE__ */ new WeakMap(), lastServed = /* @__PURE__ */ new Map();
function withdrawRequest(dir, ticket, ino, fd) {
  return takeBackTicket(dir, ticket, ino) ? null : servedResult(fd);
}
function takeBackTicket(dir, ticket, ino) {
  let path = join4(dir, `w.${ticket}`), aside = join4(dir, `.tmp.${process.pid}.${randomHex(6)}`);
  try {
    renameSync3(path, aside);
  } catch (e) {
    if (e.code === "ENOENT") return !1;
    throw fsError(e, "leave the queue in", dir);
  }
  let ours = inodeOf(aside) === ino;
  try {
    ours || tryLink(aside, path, !0);
  } finally {
    unlinkQuiet(aside);
  }
  return ours;
}
function inodeOf(path) {
  try {
    return statSync2(path, { throwIfNoEntry: !1 })?.ino ?? -1;
  } catch {
    return -1;
  }
}
function stillQueued(dir, ticket, st) {
  return st.nlink > 0;
}
var MAX_SERVED_PER_HOLD = 64;
function serveWaiters(handle, serve, max = MAX_SERVED_PER_HOLD) {
  if (handle.reentrant) return 0;
  let dir = handle.dir, served = 0;
  for (let pass = 0, more = !0; more && served < max; pass++) {
    more = !1;
    let view = pass === 0 && acquiredViews.get(handle) || readView(dir);
    if (view.top !== handle.token) break;
    for (let t of view.tickets) {
      if (served >= max) break;
      let path = join4(dir, `w.${t}`), fd;
      try {
        fd = openSync2(path, UPDATE_NOFOLLOW);
      } catch {
        continue;
      }
      try {
        let size = readSync(fd, recordBuf, 0, recordBuf.length, 0), waiter = parseRecord(recordBuf.toString("utf8", 0, size))?.rec;
        if (!waiter || waiter.state !== "held" || typeof waiter.request != "object" || waiter.request === null) return served;
        if (waiter.host === hostId() && !pidExists(waiter.pid)) continue;
        let out = serve(waiter.request, waiter);
        if (!out) return served;
        if (!SERVED_RESULT.test(out.result))
          throw out.undo?.(), new LockstepError("BAD_INPUT", `a served result must be 1\u201364 of [A-Za-z0-9_-], not ${quoteInput(out.result)}`);
        try {
          writeSync3(fd, `
${handle.token}.${out.result}`, size), unlinkSync3(path);
        } catch (e) {
          if (out.undo?.(), e.code === "ENOENT") continue;
          throw fsError(e, "hand over a served result in", dir);
        }
        served++, more = !0, out.handedOver?.();
      } finally {
        closeSync3(fd);
      }
    }
  }
  return served;
}
function writeTicket(dir, text, known3) {
  let fd = null, ticket = firstFreeTicket(known3, (n, first) => {
    let path = join4(dir, `w.${n}`);
    try {
      fd = openExclusive(path, text, "queue in", dir);
    } catch (e) {
      if (!first || existsSync2(dir)) throw e;
      knownLockDirs.delete(dir), ensureLockDir(dir), fd = openExclusive(path, text, "queue in", dir);
    }
    return fd !== null;
  });
  return !ticket || fd === null ? null : { ticket, fd };
}
function takeTicket(dir, tmp, known3) {
  return firstFreeTicket(known3, (n) => tryLink(tmp, join4(dir, `w.${n}`)));
}
var RESTAMP_MS = 2;
function linkStamped(dir, record, target, unstamped) {
  let now = Date.now();
  if (now - record.acquiredAtMs <= RESTAMP_MS) return tryLink(unstamped(), target) ? record : null;
  let stamped = { ...record, acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now }, tmp = writeLockTemp(dir, JSON.stringify(stamped));
  try {
    return tryLink(tmp, target) ? stamped : null;
  } finally {
    unlinkQuiet(tmp);
  }
}
function firstFreeTicket(known3, create) {
  let n = (known3.length ? known3[known3.length - 1] : 0) + 1;
  for (let i = 0; i < 1e3; i++, n++)
    if (create(n, i === 0)) return n;
  return 0;
}
function compromised(rt, name, token, dir, why) {
  let view = readView(dir), cur = view.top ? readGeneration(dir, view.top) : null, now = cur && !isCorrupt(cur) && cur.state === "held" ? `it is now held by ${describeHolder(cur)} (token ${view.top})` : `its current token is ${view.top}`;
  return appendEvent(rt.root, "compromised", { lock: name, token, current: view.top, why }), new LockstepError("LOCK_COMPROMISED", `lock compromised: the ${name} lock with token ${token} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep validate and lockstep lock status ${name}`,
    detail: { lock: name, token, current: view.top }
  });
}
function writeFreeMarker(dir, name, ended, state, queued, reason, data) {
  let marker = { v: SCHEMA, lock: name, state, by: { pid: process.pid, host: hostId() }, at: (/* @__PURE__ */ new Date()).toISOString(), ended, ...reason ? { reason } : {}, ...data ? { data } : {} }, tmp = writeLockTemp(dir, JSON.stringify(marker));
  try {
    return tryLink(tmp, join4(dir, String(ended + 1))) ? (wakeNext(dir, queued), !0) : !1;
  } finally {
    unlinkQuiet(tmp);
  }
}
function releaseLock(handle, opts = {}) {
  let name = validateLockName(handle.name), data = opts.data === void 0 ? void 0 : checkLockData(opts.data);
  if (handle.reentrant) return { name, token: handle.token, heldMs: 0, reentrant: !0 };
  if (!Number.isSafeInteger(handle.token) || handle.token <= 0) throw new LockstepError("BAD_INPUT", `invalid token ${quoteInput(handle.token)}: tokens are positive integers`);
  let rt = handle.root ? { root: handle.root } : resolveRuntime(handle), dir = handle.dir ?? join4(rt.root, "locks", name), acquiredView = acquiredViews.get(handle), cur;
  if (acquiredView) {
    if (cur = readGeneration(dir, handle.token), !isOurs(cur, handle.nonce) || !writeFreeMarker(dir, name, handle.token, "released", acquiredView.tickets, void 0, data)) throw notReleased(rt, name, handle.token, dir);
    compact(dir, acquiredView, handle.token);
  } else {
    let view = readView(dir);
    if (view.top !== handle.token || (cur = readGeneration(dir, handle.token), !isOurs(cur, handle.nonce))) throw notReleased(rt, name, handle.token, dir);
    if (!writeFreeMarker(dir, name, handle.token, "released", view.tickets, void 0, data)) throw compromised(rt, name, handle.token, dir, "taken over while releasing");
  }
  let heldMs = Date.now() - cur.acquiredAtMs;
  return appendEvent(rt.root, "release", { lock: name, token: handle.token, heldMs, task: cur.task }), { name, token: handle.token, heldMs, reentrant: !1 };
}
function isOurs(cur, nonce) {
  return !!cur && !isCorrupt(cur) && cur.state === "held" && (!nonce || cur.nonce === nonce);
}
function notReleased(rt, name, token, dir) {
  let view = readView(dir), next = view.top > token ? readGeneration(dir, token + 1) : null;
  if (next && !isCorrupt(next) && next.state === "released")
    return new LockstepError("LOCK_NOT_HELD", `the ${name} lock with token ${token} was already released (at ${next.at})`, {
      hint: `see the lock now: lockstep lock status ${name}`,
      detail: { lock: name, token, current: view.top }
    });
  let why = next && !isCorrupt(next) && next.state === "broken" ? `broken by pid ${next.by.pid}: ${next.reason ?? "no reason given"}` : view.top > token ? "a later owner took it over" : view.top === token ? "the record under this token is not ours" : "no such token";
  return compromised(rt, name, token, dir, why);
}
function updateLock(handle, change = {}) {
  if (handle.reentrant) return handle.record;
  let view = readView(handle.dir), cur = readGeneration(handle.dir, handle.token);
  if (view.top !== handle.token || !cur || isCorrupt(cur) || cur.state !== "held" || cur.nonce !== handle.nonce)
    throw compromised({ root: handle.root }, handle.name, handle.token, handle.dir, "lost before renewal");
  let next = { ...cur };
  change.renew !== !1 && (next.renewedAtMs = Date.now()), change.addOwners?.length && (next.extraOwners = [...cur.extraOwners ?? [], ...change.addOwners.map((pid) => ({ pid, pidStart: startStamp(pid) }))]);
  let tmp = writeLockTemp(handle.dir, JSON.stringify(next));
  try {
    renameSync3(tmp, join4(handle.dir, String(handle.token)));
  } catch (e) {
    throw unlinkQuiet(tmp), fsError(e, "renew lock record", handle.dir);
  }
  return handle.record = next, next;
}
function lockStatus(opts = {}) {
  let name = validateLockName(opts.name ?? DEFAULT_LOCK), rt = resolveRuntime(opts), dir = lockDir(rt, name);
  for (let attempt = 0; ; attempt++) {
    let view = readView(dir), base = { name, token: view.top, path: dir, waiters: view.tickets.length };
    if (view.top === 0) return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    let cur = readGeneration(dir, view.top);
    if (cur === null && attempt < 5) continue;
    if (cur === null) return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    if (isCorrupt(cur)) return { ...base, state: "stale", holder: null, ageMs: null, staleReason: `corrupt record (${cur.corrupt})` };
    if (cur.state !== "held") return { ...base, state: "free", holder: null, ageMs: null, staleReason: null };
    let l = ownerLiveness(cur);
    return { ...base, state: l.state === "dead" ? "stale" : "held", holder: cur, ageMs: Date.now() - cur.acquiredAtMs, staleReason: l.state === "dead" ? l.reason : null };
  }
}
function listLocks(opts = {}) {
  let rt = resolveRuntime(opts), names = [];
  if (!checkDirIn(rt.root, join4(rt.root, "locks"))) return [];
  try {
    names = readdirSync(join4(rt.root, "locks")).filter((n) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(n));
  } catch {
    names = [];
  }
  return names.sort().map((name) => lockStatus({ runtime: rt, name }));
}
function breakLock(opts = {}) {
  let name = validateLockName(opts.name ?? DEFAULT_LOCK), rt = resolveRuntime(opts), st = lockStatus({ runtime: rt, name });
  if (opts.expectToken !== void 0 && st.token !== opts.expectToken)
    throw new LockstepError("CONFLICT", `the ${name} lock is at token ${st.token}, not ${opts.expectToken}: nothing broken`, {
      hint: `look again: lockstep lock status ${name}`,
      detail: { lock: name, token: st.token, expected: opts.expectToken }
    });
  if (st.state === "free") return { broken: !1, name, token: st.token, reason: "free" };
  if (st.state === "held" && !opts.force)
    throw new LockstepError("LOCK_HELD", `the ${name} lock is held by ${describeHolder(st.holder)} (token ${st.token}), which is still running: not broken`, {
      hint: `wait for it, stop that process, or break it anyway: lockstep lock break ${name} --expect-token ${st.token} --force`,
      detail: { lock: name, token: st.token, holder: st.holder }
    });
  let reason = st.state === "stale" ? st.staleReason ?? "stale" : "forced";
  if (!writeFreeMarker(st.path, name, st.token, "broken", readView(st.path).tickets, reason))
    throw new LockstepError("CONFLICT", `the ${name} lock changed while breaking it (token ${st.token} is no longer current): nothing broken`, {
      hint: `look again: lockstep lock status ${name}`
    });
  return appendEvent(rt.root, "break", { lock: name, token: st.token, reason, previous: st.holder?.pid ?? null, task: st.holder?.task ?? null }), { broken: !0, name, token: st.token, previous: st.holder, reason };
}
async function withLock(opts, fn) {
  let h = await acquireLock(opts);
  try {
    return await fn(h);
  } finally {
    releaseLock(h);
  }
}

// src/core/run-locked.ts
import { spawn } from "node:child_process";
import { accessSync as accessSync2, constants as constants3, statSync as statSync3 } from "node:fs";
import { delimiter, join as join5, resolve } from "node:path";
var FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP"], GATE = 'IFS= read -r _ <&3 || exit 125; exec 3<&-; exec "$@"';
function findExecutable(cmd, pathEnv, cwd) {
  let candidates = cmd.includes("/") ? [resolve(cwd, cmd)] : pathEnv.split(delimiter).filter(Boolean).map((d) => join5(d, cmd));
  for (let c of candidates)
    try {
      if (accessSync2(c, constants3.X_OK), statSync3(c).isFile()) return c;
    } catch {
    }
  return null;
}
async function runLocked(opts) {
  if (opts.argv.length === 0) throw new LockstepError("BAD_INPUT", "no command to run");
  let handle = await acquireLock({ ...opts, command: opts.argv.join(" ").slice(0, 500) }), started = Date.now(), env = { ...process.env, ...opts.childEnv ?? {}, LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle) };
  if (opts.task && (env.LOCKSTEP_TASK = opts.task), opts.agent && (env.LOCKSTEP_AGENT = opts.agent), findExecutable(opts.argv[0], env.PATH ?? "", opts.cwd ?? process.cwd()) === null)
    return releaseLock(handle), { exitCode: 127, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: `command not found: ${opts.argv[0]}` };
  let spawnError = null, std = opts.stdio ?? "inherit", child;
  try {
    child = spawn("sh", ["-c", GATE, "lockstep-run-locked", ...opts.argv], { cwd: opts.cwd, env, stdio: [std, std, std, "pipe"] });
  } catch (e) {
    return releaseLock(handle), { exitCode: 126, signal: null, token: handle.token, waitedMs: handle.waitedMs, heldMs: 0, releaseError: null, failedToStart: spawnFailureMessage(opts.argv[0], opts.cwd, e) };
  }
  let gate = child.stdio[3];
  gate?.on("error", () => {
  });
  let forward = (sig) => () => {
    child.kill(sig);
  }, handlers = FORWARDED.map((sig) => [sig, forward(sig)]);
  for (let [sig, h] of handlers) process.on(sig, h);
  let renewTimer = null;
  try {
    if (child.pid !== void 0) {
      try {
        updateLock(handle, { addOwners: [child.pid] }), gate?.end(`go
`);
      } catch {
        gate?.destroy();
      }
      let every = Math.max(1e3, Math.floor(handle.record.leaseMs / 3));
      renewTimer = setInterval(() => {
        try {
          updateLock(handle, { renew: !0 });
        } catch {
        }
      }, timerDelay(every)), renewTimer.unref();
    }
    let { code, signal } = await new Promise((resolve11) => {
      child.once("error", (e) => {
        spawnError = e, resolve11({ code: null, signal: null });
      }), child.once("close", (c, s) => resolve11({ code: c, signal: s }));
    }), exitCode = code ?? (signal ? 128 + signalNumber(signal) : 1);
    spawnError && (exitCode = spawnError.code === "ENOENT" ? 127 : 126);
    let releaseError = null;
    try {
      releaseLock(handle);
    } catch (e) {
      if (isLockstepError(e)) releaseError = e;
      else throw e;
    }
    let failedToStart = spawnError ? spawnFailureMessage(opts.argv[0], opts.cwd, spawnError) : null;
    return { exitCode, signal, token: handle.token, waitedMs: handle.waitedMs, heldMs: Date.now() - started, releaseError, failedToStart };
  } finally {
    renewTimer && clearInterval(renewTimer);
    for (let [sig, h] of handlers) process.off(sig, h);
  }
}
function signalNumber(sig) {
  return { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13, SIGABRT: 6, SIGSEGV: 11 }[sig] ?? 1;
}

// src/alloc/allocate.ts
import { mkdirSync as mkdirSync2, realpathSync, rmdirSync, statSync as statSync6 } from "node:fs";
import { join as join9, resolve as resolve3 } from "node:path";

// src/alloc/lock-target.ts
import { join as join7 } from "node:path";

// src/git/discover.ts
import { readFileSync as readFileSync4, statSync as statSync4 } from "node:fs";
import { dirname as dirname3, join as join6, resolve as resolve2 } from "node:path";
function kindOf(p) {
  try {
    let st = statSync4(p, { throwIfNoEntry: !1 });
    return st ? st.isDirectory() ? "dir" : st.isFile() ? "file" : null : null;
  } catch {
    return null;
  }
}
function readCommonDir(gitDir) {
  try {
    let rel = readFileSync4(join6(gitDir, "commondir"), "utf8").trim();
    return rel ? resolve2(gitDir, rel) : gitDir;
  } catch {
    return gitDir;
  }
}
function gitDirOf(dotGit) {
  let kind = kindOf(dotGit);
  if (kind === "dir") return kindOf(join6(dotGit, "HEAD")) === "file" ? dotGit : null;
  if (kind !== "file") return null;
  try {
    let m = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync4(dotGit, "utf8"));
    if (!m) return null;
    let dir = resolve2(dirname3(dotGit), m[1]);
    return kindOf(dir) === "dir" ? dir : null;
  } catch {
    return null;
  }
}
function findCheckout(realDir) {
  for (let d = realDir; ; ) {
    let gitDir = gitDirOf(join6(d, ".git"));
    if (gitDir) return { gitDir, commonDir: readCommonDir(gitDir) };
    let up = dirname3(d);
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
  let hit = known.get(realRoot);
  if (hit) return hit;
  let name = allocationLockName(realRoot), commonDir = checkoutCommonDir(realRoot), lock = { runtime: { root: commonDir ? join7(commonDir, "lockstep") : join7(realRoot, ".lockstep"), repo: null }, name, commonDir };
  return known.size >= KNOWN_MAX && known.clear(), known.set(realRoot, lock), lock;
}
var known = /* @__PURE__ */ new Map(), KNOWN_MAX = 256;

// src/alloc/name.ts
var MAX_NAME_LENGTH = 64, MAX_INPUT_LENGTH = 255;
function bad(message, input) {
  return new LockstepError("BAD_NAME", message, {
    hint: 'use a short descriptive name such as "auth flow" (letters, digits, spaces, - and _)',
    detail: { name: input.length > 80 ? `${input.slice(0, 80)}\u2026` : input }
  });
}
function sanitizeTopicName(input) {
  if (typeof input != "string") throw bad("the topic name must be a string", String(input));
  if (input.length > MAX_INPUT_LENGTH)
    throw bad(`the topic name is ${input.length} characters long; at most ${MAX_INPUT_LENGTH} are accepted`, input);
  if (input.includes("/") || input.includes("\\"))
    throw bad(`the topic name ${quoteInput(input)} contains a path separator: a name is not a path`, input);
  if (input.includes("..")) throw bad(`the topic name ${quoteInput(input)} contains "..": a name cannot point outside its root`, input);
  let control = /[\u0000-\u001f\u007f-\u009f]/.exec(input);
  if (control) {
    let code = control[0].charCodeAt(0).toString(16).padStart(4, "0");
    throw bad(`the topic name contains a control character (U+${code}${control[0] === `
` ? ", a newline" : ""}) at position ${control.index}`, input);
  }
  let name = input.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/_+/g, "_").replace(/^_+|_+$/g, "");
  if (name.length > MAX_NAME_LENGTH && (name = name.slice(0, MAX_NAME_LENGTH).replace(/_+$/, "")), name === "")
    throw bad(
      input.trim() === "" ? "the topic name is empty" : `the topic name ${quoteInput(input)} has no letters or digits a-z/0-9 left after sanitizing`,
      input
    );
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
import { join as join8 } from "node:path";
var ALLOCATED = /^(\d+)_/;
function parseNumber(digits, entry, root) {
  let n = Number(digits);
  if (!Number.isSafeInteger(n))
    throw new LockstepError("ENVIRONMENT", `${join8(root, entry)} carries a number too large to continue from`, {
      hint: `rename or remove it: mv "${join8(root, entry)}" \u2026`
    });
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
  for (let e of list(root)) {
    let c = e.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let m = ALLOCATED.exec(e);
    if (!m) continue;
    let n = parseNumber(m[1], e, root);
    n > max && (max = n);
  }
  return max;
}
function scanAllocations(root) {
  let out = [];
  for (let e of list(root)) {
    let m = ALLOCATED.exec(e);
    m && out.push({ number: parseNumber(m[1], e, root), entry: e, path: join8(root, e) });
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
  let h = data?.highest;
  if (!h || typeof h != "object" || h.v !== 1 || !Number.isSafeInteger(h.highest) || h.highest < 0) return null;
  for (let k of ["dev", "ino", "mtimeNs", "ctimeNs", "nlink"]) if (typeof h[k] != "string") return null;
  return h;
}
function highestWithHint(realRoot, hint) {
  if (hint) {
    let now = identity(statSync5(realRoot, { bigint: !0 }));
    if (now.dev === hint.dev && now.ino === hint.ino && now.mtimeNs === hint.mtimeNs && now.ctimeNs === hint.ctimeNs && now.nlink === hint.nlink)
      return { highest: hint.highest, fromHint: !0 };
  }
  return { highest: highestNumber(realRoot), fromHint: !1 };
}
function hintData(realRoot, highest) {
  try {
    return { highest: { v: 1, highest, ...identity(statSync5(realRoot, { bigint: !0 })) } };
  } catch {
    return null;
  }
}

// src/alloc/allocate.ts
var DEFAULT_WIDTH = 3, MAX_WIDTH = 12;
function resolveRoot(root, cwd) {
  if (typeof root != "string" || root.trim() === "") throw new LockstepError("BAD_INPUT", "the allocation root is empty", { hint: 'lockstep allocate ROOT NAME, e.g. lockstep allocate specs "auth flow"' });
  if (root.includes("\0")) throw new LockstepError("BAD_INPUT", "the allocation root contains a NUL byte");
  return resolve3(cwd ?? process.cwd(), root);
}
function isValidWidth(width) {
  return Number.isSafeInteger(width) && width >= 1 && width <= MAX_WIDTH;
}
function validateWidth(width) {
  if (!isValidWidth(width))
    throw new LockstepError("BAD_INPUT", `the number width must be a whole number from 1 to ${MAX_WIDTH}, not ${quoteInput(width)}`);
  return width;
}
function ensureRoot(abs) {
  let isDir;
  try {
    isDir = statSync6(abs).isDirectory();
  } catch (e) {
    if (e.code !== "ENOENT") throw fsError(e, "open allocation root", abs);
    try {
      mkdirSync2(abs, { recursive: !0 });
    } catch (e2) {
      throw fsError(e2, "create allocation root", abs);
    }
    isDir = !0;
  }
  if (!isDir) throw new LockstepError("ENVIRONMENT", `the allocation root ${abs} is not a directory`, { hint: "move the file out of the way or choose another root" });
  try {
    return realpathSync.native(abs);
  } catch (e) {
    throw fsError(e, "open allocation root", abs);
  }
}
function makeEntry(path) {
  try {
    return mkdirSync2(path), !0;
  } catch (e) {
    if (e.code === "EEXIST") return !1;
    throw fsError(e, "create", path);
  }
}
function requestFor(real2, data) {
  let r = data;
  return r.kind !== "allocate" || r.root !== real2 || typeof r.name != "string" || typeof r.width != "number" || !isSanitizedTopicName(r.name) || !isValidWidth(r.width) ? null : r;
}
function resultOf(served, name, width) {
  if (!/^[1-9][0-9]{0,15}$/.test(served)) return null;
  let number = Number(served);
  return Number.isSafeInteger(number) ? { number, entry: `${formatNumber(number, width)}_${name}` } : null;
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
      let number = (attempt === 0 ? this.highest : highestNumber(this.real)) + 1;
      if (!Number.isSafeInteger(number)) throw new LockstepError("ENVIRONMENT", `no number left after ${number - 1} in ${this.abs}`);
      let entry = `${formatNumber(number, width)}_${name}`;
      if (makeEntry(join9(this.real, entry)))
        return this.highest = number, { number, entry };
      if (attempt >= 100) throw new LockstepError("CONFLICT", `${join9(this.abs, entry)} keeps appearing while allocating: something outside lockstep is creating entries in ${this.abs}`);
    }
  }
  /** Takes back the entry just made (its waiter withdrew before the result reached it). */
  undo(r) {
    try {
      rmdirSync(join9(this.real, r.entry)), this.highest === r.number && (this.highest = r.number - 1);
    } catch {
    }
  }
};
async function allocate(opts) {
  let name = sanitizeTopicName(opts.name), width = validateWidth(opts.width ?? DEFAULT_WIDTH), abs = resolveRoot(opts.root, opts.cwd), timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, real2 = ensureRoot(abs), target = allocationLockFor(real2), request = { kind: "allocate", root: real2, name, width }, got = await acquireOrServed({
    runtime: target.runtime,
    name: target.name,
    timeoutMs,
    cwd: abs,
    command: `allocate ${abs} ${name}`,
    onWait: opts.onWait,
    request
  }), mine, token;
  if ("served" in got) {
    let r = resultOf(got.result, name, width);
    if (!r)
      throw new LockstepError("CORRUPT_STATE", `the holder of the ${target.name} lock (token ${got.token}) answered this allocation with ${quoteInput(got.result)}`, {
        hint: `nothing of this call's name was handed out; check the root with lockstep allocate --verify ${abs}`
      });
    mine = r, token = got.token;
  } else {
    let handle = got;
    token = handle.token;
    let handOn = null, servedFor = [];
    try {
      let hint = hintFromData(handle.previousData), numbers = new Numberer(real2, abs, highestWithHint(real2, hint).highest);
      mine = numbers.next(name, width);
      try {
        serveWaiters(handle, (data, waiter) => {
          let req = requestFor(real2, data);
          if (!req) return null;
          let r = numbers.next(req.name, req.width);
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
  return { topicNumber: formatNumber(mine.number, width), topicPath: join9(abs, mine.entry), number: mine.number, name, token };
}

// src/alloc/verify.ts
import { existsSync as existsSync3, realpathSync as realpathSync2, statSync as statSync7 } from "node:fs";
function verifyAllocations(opts) {
  let abs = resolveRoot(opts.root, opts.cwd);
  if (!existsSync3(abs))
    throw new LockstepError("NOT_FOUND", `the allocation root ${quoteInput(abs)} does not exist`, { hint: "check the path; lockstep allocate ROOT NAME creates it" });
  let real2;
  try {
    if (!statSync7(abs).isDirectory()) throw new LockstepError("BAD_INPUT", `the allocation root ${quoteInput(abs)} is not a directory`);
    real2 = realpathSync2(abs);
  } catch (e) {
    throw e instanceof LockstepError ? e : fsError(e, "open allocation root", abs);
  }
  let entries = scanAllocations(real2), byNumber = /* @__PURE__ */ new Map();
  for (let e of entries) {
    let list2 = byNumber.get(e.number);
    list2 ? list2.push(e.entry) : byNumber.set(e.number, [e.entry]);
  }
  let duplicates = [];
  for (let [number, names] of byNumber) names.length > 1 && duplicates.push({ number, entries: names });
  let highest = entries.length ? entries[entries.length - 1].number : 0, gaps = [], expect = 1;
  for (let n of [...byNumber.keys()].sort((a, b) => a - b))
    n > expect && gaps.push({ from: expect, to: n - 1 }), expect = Math.max(expect, n + 1);
  let target = allocationLockFor(real2), st = lockStatus({ runtime: target.runtime, name: target.name }), leftoverLock = st.state === "free" ? null : { name: st.name, state: st.state, token: st.token, pid: st.holder?.pid ?? null, since: st.holder?.acquiredAt ?? null, reason: st.staleReason, path: st.path };
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
import { readdirSync as readdirSync3 } from "node:fs";
import { dirname as dirname5, join as join11 } from "node:path";

// src/state/id.ts
var PREFIX = /^[A-Za-z0-9_-]{1,64}$/, ID = /^([A-Za-z0-9_-]{1,64})_(\d{1,30})_(\d{1,10})_([0-9a-f]{8})$/;
function validatePrefix(prefix) {
  if (typeof prefix != "string" || !PREFIX.test(prefix))
    throw new LockstepError("BAD_INPUT", `invalid state prefix ${quoteInput(prefix)}: use 1-64 characters of A-Z, a-z, 0-9, '_' or '-'`, {
      hint: "name it after the command, e.g. lockstep state init create-plan"
    });
  return prefix;
}
function parseStateId(id) {
  if (typeof id != "string") return null;
  let m = ID.exec(id);
  return m ? { prefix: m[1], ns: m[2], pid: Number(m[3]), random: m[4] } : null;
}
function validateStateId(id) {
  let p = parseStateId(id);
  if (!p)
    throw new LockstepError("BAD_INPUT", `invalid state id ${quoteInput(id)}: expected PREFIX_<nanoseconds>_<pid>_<8 hex>, as printed by lockstep state init`, {
      hint: "list the ids there are: lockstep state list"
    });
  return p;
}
var offset = BigInt(Date.now()) * 1000000n - process.hrtime.bigint(), last = 0n;
function nowNs() {
  let t = process.hrtime.bigint() + offset;
  return t <= last && (t = last + 1n), last = t, t;
}
function newStateId(prefix) {
  return validatePrefix(prefix), `${prefix}_${nowNs()}_${process.pid}_${randomHex(4)}`;
}

// src/state/store.ts
import { linkSync as linkSync3, writeFileSync } from "node:fs";
import { dirname as dirname4, join as join10 } from "node:path";

// src/state/shell-env.ts
var SHELL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/, RESERVED = /* @__PURE__ */ new Set([
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
]), RESERVED_PREFIX = /^(BASH_|LD_|DYLD_|GIT_CONFIG|BASH_FUNC_)/;
function isReservedKey(key) {
  return RESERVED.has(key) || RESERVED_PREFIX.test(key);
}
function validateKey(key) {
  if (typeof key != "string" || !SHELL_NAME.test(key) || key.length > 128)
    throw new LockstepError("BAD_INPUT", `invalid state key ${quoteInput(key)}: keys are shell variable names (A-Z, a-z, 0-9, '_', not starting with a digit, at most 128)`, {
      hint: "e.g. lockstep state set ID PLAN_PATH=/abs/plan.md"
    });
  if (isReservedKey(key))
    throw new LockstepError("BAD_INPUT", `state key ${key} is reserved: exporting it into a shell would change how that shell runs commands`, {
      hint: `use a name of your own, e.g. WORKFLOW_${key}`
    });
  return key;
}
function shellQuote(value) {
  return `'${value.replace(/'/g, "'\\''")}'`;
}
var EXPORT_PREFIX = "WORKFLOW_";
function validateExportKey(key) {
  if (validateKey(key), key.startsWith("LOCKSTEP_"))
    throw new LockstepError("BAD_INPUT", `${key} cannot be exported from state: LOCKSTEP_ variables switch lockstep itself (off, among others)`, {
      hint: `store it under a name of your own, e.g. ${EXPORT_PREFIX}${key.slice(9)}`
    });
  return key;
}
function planExport(values, named = []) {
  let asked = new Set(named.map(validateExportKey)), plan = { exported: [], notExported: [] };
  for (let k of Object.keys(values).sort()) (k.startsWith(EXPORT_PREFIX) || asked.has(k) ? plan.exported : plan.notExported).push(k);
  return plan;
}
function exportLines(values, named = []) {
  return planExport(values, named).exported.map((k) => `export ${validateKey(k)}=${shellQuote(values[k])}`);
}

// src/state/store.ts
var SCHEMA2 = 1, MAX_VALUE_LENGTH = 1024 * 1024, MAX_OWNER_LENGTH = 256;
function stateDir(loc) {
  let rt = loc.runtime ?? openRuntime({ cwd: loc.cwd });
  return join10(rt.root, "state");
}
function statePath(dir, id) {
  return validateStateId(id), join10(dir, `${id}.json`);
}
function stateLockName(id) {
  return `state-${sha1Hex(id)[0]}`;
}
function validateOwner(owner) {
  if (typeof owner != "string" || owner === "" || owner.length > MAX_OWNER_LENGTH || /[\u0000-\u001f\u007f]/.test(owner))
    throw new LockstepError("BAD_INPUT", `invalid owner key ${quoteInput(owner)}: 1-${MAX_OWNER_LENGTH} printable characters`, {
      hint: 'use something unique to this run, e.g. --owner "$CLAUDE_SESSION_ID" or --owner "$$"'
    });
  return owner;
}
function validateValue(key, value) {
  if (typeof value != "string") throw new LockstepError("BAD_INPUT", `the value of ${key} must be a string`);
  if (value.includes("\0")) throw new LockstepError("BAD_INPUT", `the value of ${key} contains a NUL byte, which no shell variable can hold`);
  if (value.length > MAX_VALUE_LENGTH) throw new LockstepError("BAD_INPUT", `the value of ${key} is ${value.length} characters long; at most ${MAX_VALUE_LENGTH} are accepted`);
  return value;
}
function valueMap() {
  return /* @__PURE__ */ Object.create(null);
}
function corrupt(path, why) {
  return new LockstepError("CORRUPT_STATE", `the state file ${path} is corrupt: ${why}`, {
    hint: `inspect it (cat "${path}"); lockstep leaves it untouched. Remove it once you are done: rm "${path}"`,
    detail: { path }
  });
}
function checkRecord(raw, id, path) {
  if (typeof raw != "object" || raw === null || Array.isArray(raw)) throw corrupt(path, "not a JSON object");
  let r = raw;
  if (r.v !== SCHEMA2) throw corrupt(path, `unknown schema version ${JSON.stringify(r.v)}`);
  if (r.id !== id) throw corrupt(path, `it names id ${JSON.stringify(r.id)}, not ${id}`);
  if (typeof r.prefix != "string" || typeof r.createdAtMs != "number" || typeof r.updatedAtMs != "number") throw corrupt(path, "fields are missing");
  if (r.owner !== null && typeof r.owner != "string") throw corrupt(path, "owner is not a string");
  let values = r.values;
  if (typeof values != "object" || values === null || Array.isArray(values)) throw corrupt(path, "values is not an object");
  let kept = valueMap();
  for (let [k, v] of Object.entries(values)) {
    if (!SHELL_NAME.test(k) || isReservedKey(k)) throw corrupt(path, `key ${JSON.stringify(k)} is not a usable shell variable name`);
    if (typeof v != "string" || v.includes("\0")) throw corrupt(path, `the value of ${k} is not a string`);
    kept[k] = v;
  }
  return { ...r, values: kept };
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
  let path = statePath(dir, id);
  if (!checkDirIn(dirname4(dir), dir)) return null;
  let text;
  try {
    text = readFileNoFollow(path);
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
  writeFileAtomic(statePath(dir, rec.id), JSON.stringify(rec, null, 2) + `
`);
}
function ensureStateDir(dir) {
  ensureDirIn(dirname4(dir), dir);
}
function initState(opts) {
  validatePrefix(opts.prefix);
  let owner = opts.owner === void 0 || opts.owner === null ? null : validateOwner(opts.owner), values = valueMap();
  for (let [k, v] of Object.entries(opts.values ?? {})) values[validateKey(k)] = validateValue(k, v);
  let dir = stateDir(opts);
  ensureStateDir(dir);
  for (let attempt = 0; ; attempt++) {
    let id = newStateId(opts.prefix), now = Date.now(), record = {
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
    }, path = statePath(dir, id), tmp = tempPathFor(path);
    try {
      return writeFileSync(tmp, JSON.stringify(record, null, 2) + `
`, { flag: "wx", mode: 420 }), linkSync3(tmp, path), { id, path, record };
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
  let rec = readStateFile(stateDir(opts), opts.id);
  if (!rec) throw notFound(opts.id);
  return rec;
}
async function setState(opts) {
  validateStateId(opts.id);
  let entries = Object.entries(opts.values).map(([k, v]) => [validateKey(k), validateValue(k, v)]), unset = (opts.unset ?? []).map(validateKey), rt = opts.runtime ?? openRuntime({ cwd: opts.cwd }), dir = stateDir({ runtime: rt });
  if (!readStateFile(dir, opts.id)) throw notFound(opts.id);
  let handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state set ${opts.id}` });
  try {
    let rec = readStateFile(dir, opts.id);
    if (!rec) throw notFound(opts.id);
    for (let [k, v] of entries) rec.values[k] = v;
    for (let k of unset) delete rec.values[k];
    let now = Date.now();
    return rec.updatedAtMs = now, rec.updatedAt = new Date(now).toISOString(), writeStateFile(dir, rec), rec;
  } finally {
    releaseLock(handle);
  }
}
async function removeState(opts) {
  validateStateId(opts.id);
  let rt = opts.runtime ?? openRuntime({ cwd: opts.cwd }), dir = stateDir({ runtime: rt }), handle = await acquireLock({ runtime: rt, name: stateLockName(opts.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state rm ${opts.id}` });
  try {
    return checkDirIn(rt.root, dir) && unlinkQuiet(statePath(dir, opts.id));
  } finally {
    releaseLock(handle);
  }
}
function idOfFile(file) {
  if (!file.endsWith(".json")) return null;
  let id = file.slice(0, -5);
  return parseStateId(id) ? id : null;
}

// src/state/discover.ts
function readDir(dir) {
  if (!checkDirIn(dirname5(dir), dir)) return [];
  try {
    return readdirSync3(dir);
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read state directory", dir);
  }
}
function listStates(opts = {}) {
  opts.prefix !== void 0 && validatePrefix(opts.prefix);
  let dir = stateDir(opts), out = [];
  for (let f of readDir(dir)) {
    let id = idOfFile(f);
    if (!id || opts.prefix !== void 0 && parseStateId(id).prefix !== opts.prefix) continue;
    let path = join11(dir, f), text;
    try {
      text = readFileNoFollow(path);
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
    let na = BigInt(parseStateId(a.id).ns), nb = BigInt(parseStateId(b.id).ns);
    return na < nb ? -1 : na > nb ? 1 : a.id < b.id ? -1 : 1;
  });
}
function discoverState(opts) {
  validatePrefix(opts.prefix);
  let owner = validateOwner(opts.owner), all = listStates({ cwd: opts.cwd, runtime: opts.runtime, prefix: opts.prefix }), mine = all.filter((e) => e.record?.owner === owner), corrupt2 = all.filter((e) => e.error !== null).map((e) => e.path), last2 = mine[mine.length - 1];
  if (!last2 && corrupt2.length)
    throw new LockstepError("CORRUPT_STATE", `no readable ${opts.prefix} state of owner ${owner}, and ${corrupt2.length} corrupt state ${corrupt2.length === 1 ? "file" : "files"} of that prefix could have been it: ${corrupt2.join(", ")}`, {
      hint: `inspect ${corrupt2.length === 1 ? "it" : "them"} (lockstep state list ${opts.prefix}); lockstep leaves corrupt files untouched`,
      detail: { corrupt: corrupt2 }
    });
  return { found: last2?.record ?? null, path: last2?.path ?? null, ownerStates: mine.length, corrupt: corrupt2 };
}

// src/state/gc.ts
import { readdirSync as readdirSync4, statSync as statSync8 } from "node:fs";
import { join as join12 } from "node:path";
async function gcStates(opts) {
  if (!Number.isFinite(opts.ttlMs) || opts.ttlMs < 0) throw new LockstepError("BAD_INPUT", `invalid TTL ${opts.ttlMs}`);
  let rt = opts.runtime ?? openRuntime({ cwd: opts.cwd }), dir = stateDir({ runtime: rt }), cutoff = (opts.now ?? Date.now()) - opts.ttlMs, result = { removed: [], kept: 0, corrupt: [], tempFiles: 0, dryRun: !!opts.dryRun };
  for (let e of listStates({ runtime: rt })) {
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
    let h = await acquireLock({ runtime: rt, name: stateLockName(e.id), timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, command: `state gc ${e.id}` });
    try {
      let again = readStateFile(dir, e.id);
      again && again.updatedAtMs < cutoff && unlinkQuiet(e.path) ? result.removed.push(e.id) : result.kept++;
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
  for (let f of names) {
    if (!f.startsWith(".tmp.")) continue;
    let pid = Number(f.split(".").at(-2)), path = join12(dir, f), old = !1;
    try {
      old = statSync8(path).mtimeMs < cutoff;
    } catch {
      continue;
    }
    old && !(Number.isInteger(pid) && pid > 0 && pidExists(pid)) && (opts.dryRun || unlinkQuiet(path), result.tempFiles++);
  }
  return result;
}

// src/tasks/tasks.ts
import { linkSync as linkSync4, readdirSync as readdirSync5, renameSync as renameSync4, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join13 } from "node:path";

// src/tasks/scope.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var MATCH_OPTIONS = { dot: !0, strictBrackets: !0, flags: "s", windows: !1 }, MAX_GLOBS = 256, MAX_GLOB_LENGTH = 1024, checked = /* @__PURE__ */ new Set();
function validateGlob(glob) {
  if (typeof glob == "string" && checked.has(glob)) return glob;
  if (typeof glob != "string") throw new LockstepError("BAD_INPUT", `invalid glob ${quoteInput(glob)}: globs are strings`);
  let g = glob;
  for (; g.startsWith("./"); ) g = g.slice(2);
  let show = quoteInput(glob);
  if (g.length === 0) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: it is empty`);
  if (g.length > MAX_GLOB_LENGTH) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: longer than ${MAX_GLOB_LENGTH} characters`);
  if (g.includes("\0")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: it contains a NUL byte`);
  if (g.startsWith("/")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: globs are relative to the repository's top level, not absolute`, { hint: `drop the leading /: ${JSON.stringify(g.replace(/^\/+/, ""))}` });
  if (g.startsWith("!")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: negated globs are not supported in a scope; list what the task may touch`);
  if (g.split("/").some((seg) => seg === "..")) throw new LockstepError("BAD_INPUT", `invalid glob ${show}: '..' would reach outside the repository`);
  try {
    (0, import_picomatch.default)(g, MATCH_OPTIONS);
  } catch (e) {
    throw new LockstepError("BAD_INPUT", `invalid glob ${show}: ${e.message}`);
  }
  return g === glob && checked.size < 1e4 && checked.add(g), g;
}
function validateGlobs(globs) {
  if (globs.length > MAX_GLOBS) throw new LockstepError("BAD_INPUT", `too many globs (${globs.length}); at most ${MAX_GLOBS}`);
  let out = [];
  for (let g of globs) {
    let v = validateGlob(g);
    out.includes(v) || out.push(v);
  }
  return out;
}
var cache2 = /* @__PURE__ */ new Map();
function compileScope(globs) {
  let key = globs.join("\0"), m = cache2.get(key);
  if (!m) {
    if (globs.length === 0) m = () => !1;
    else {
      let inner = (0, import_picomatch.default)([...globs], MATCH_OPTIONS);
      m = (p) => inner(p);
    }
    cache2.size > 1e3 && cache2.clear(), cache2.set(key, m);
  }
  return m;
}
function classifyPaths(opts) {
  let own2 = opts.task ? compileScope(opts.task.scope) : () => !1, shared = compileScope([...opts.task?.shared ?? [], ...opts.shared ?? []]), others = opts.others.filter((t) => t.id !== opts.task?.id).map((t) => ({ id: t.id, match: compileScope(t.scope) })), out = { own: [], shared: [], otherTask: [], outside: [] };
  for (let p of opts.paths)
    if (own2(p)) out.own.push(p);
    else if (shared(p)) out.shared.push(p);
    else {
      let owner = others.find((o) => o.match(p));
      owner ? out.otherTask.push({ path: p, task: owner.id }) : out.outside.push(p);
    }
  return out;
}
function showPath(p) {
  return /^[\w./@+-]+$/.test(p) ? p : quoteInput(p);
}

// src/tasks/tasks.ts
function tasksDir(rt) {
  return join13(rt.root, "tasks");
}
function taskPath(rt, id) {
  return join13(tasksDir(rt), `${id}.json`);
}
function runtimeOf(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function parseTask(text, path, id) {
  let corrupt2 = (why) => new LockstepError("CORRUPT_STATE", `the task file of task ${id} at ${path} is damaged (${why})`, {
    hint: `look at it, then remove it: lockstep task end ${id}; start the task again with lockstep task start ${id} --scope \u2026`,
    detail: { task: id, path }
  }), raw;
  try {
    raw = JSON.parse(text);
  } catch {
    throw corrupt2(text.length === 0 ? "empty" : "not JSON");
  }
  let t = raw;
  if (!t || typeof t != "object" || t.id !== id) throw corrupt2("its id does not match its file name");
  if (!Array.isArray(t.scope) || !t.scope.every((g) => typeof g == "string")) throw corrupt2('"scope" is not a list of globs');
  if (!Array.isArray(t.shared) || !t.shared.every((g) => typeof g == "string")) throw corrupt2('"shared" is not a list of globs');
  try {
    validateGlobs(t.scope), validateGlobs(t.shared);
  } catch (e) {
    throw corrupt2(e.message);
  }
  return {
    v: 1,
    id,
    scope: t.scope,
    shared: t.shared,
    startedAt: typeof t.startedAt == "string" ? t.startedAt : "",
    startedBy: t.startedBy && typeof t.startedBy == "object" ? t.startedBy : { pid: 0, host: "", agent: null }
  };
}
function readTaskFile(rt, id) {
  let path = taskPath(rt, id);
  if (!checkDirIn(rt.root, tasksDir(rt))) return null;
  let text;
  try {
    text = readFileNoFollow(path);
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
  let id = validateTaskId(opts.id);
  if (!Array.isArray(opts.scope) || opts.scope.length === 0)
    throw new LockstepError("BAD_INPUT", `task ${id} needs a scope: at least one --scope GLOB naming what it may commit`);
  let scope = validateGlobs(opts.scope), shared = validateGlobs(opts.shared ?? []), rt = runtimeOf(opts), dir = tasksDir(rt);
  ensureDirIn(rt.root, dir);
  let existing = readTaskFile(rt, id);
  if (existing && sameGlobs(existing.scope, scope) && sameGlobs(existing.shared, shared)) return existing;
  if (existing && !opts.replace)
    throw new LockstepError("CONFLICT", `task ${id} is already active with another scope (${existing.scope.join(" ")})`, {
      hint: `end it first (lockstep task end ${id}) or replace its scope: lockstep task start ${id} --replace --scope \u2026`,
      detail: { task: existing }
    });
  let task = {
    v: 1,
    id,
    scope,
    shared,
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    startedBy: { pid: process.pid, host: hostId(), agent: opts.agent == null ? null : validateAgentId(opts.agent) }
  }, path = taskPath(rt, id), tmp = tempPathFor(path);
  try {
    if (writeFileSync2(tmp, JSON.stringify(task, null, 2) + `
`, { flag: "wx" }), existing) renameSync4(tmp, path);
    else
      try {
        linkSync4(tmp, path);
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
        let now = readTaskFile(rt, id);
        if (now && sameGlobs(now.scope, scope) && sameGlobs(now.shared, shared)) return now;
        throw new LockstepError("CONFLICT", `task ${id} was started at the same moment with another scope`, { hint: "lockstep task list" });
      }
  } catch (e) {
    throw e instanceof LockstepError ? e : fsError(e, "write task file", path);
  } finally {
    unlinkQuiet(tmp);
  }
  return appendEvent(rt.root, "task_start", { task: id, scope, shared, replaced: !!existing }), task;
}
function endTask(opts) {
  let id = validateTaskId(opts.id), rt = runtimeOf(opts), path = taskPath(rt, id), task = null;
  try {
    if (task = readTaskFile(rt, id), !task)
      throw new LockstepError("NOT_FOUND", `no active task ${id}`, { hint: "see the active tasks: lockstep task list" });
  } catch (e) {
    if (!(e instanceof LockstepError) || e.code !== "CORRUPT_STATE") throw e;
  }
  if (!unlinkQuiet(path)) throw new LockstepError("NOT_FOUND", `no active task ${id}`, { hint: "see the active tasks: lockstep task list" });
  return appendEvent(rt.root, "task_end", { task: id }), { id, task };
}
function getTask(opts) {
  let id = validateTaskId(opts.id);
  return readTaskFile(runtimeOf(opts), id);
}
function listTasks(opts = {}) {
  let rt = runtimeOf(opts), names;
  if (!checkDirIn(rt.root, tasksDir(rt))) return [];
  try {
    names = readdirSync5(tasksDir(rt));
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read", tasksDir(rt));
  }
  let out = [];
  for (let n of names.sort()) {
    if (!n.endsWith(".json")) continue;
    let id = n.slice(0, -5);
    if (!TASK_ID.test(id)) continue;
    let t = readTaskFile(rt, id);
    t && out.push(t);
  }
  return out;
}

// src/tasks/commit.ts
import { spawn as spawn2 } from "node:child_process";
import { existsSync as existsSync4, readdirSync as readdirSync9, statSync as statSync10, writeFileSync as writeFileSync7 } from "node:fs";
import { isAbsolute as isAbsolute2, join as join20, relative as relative3, resolve as resolve5, sep as sep3 } from "node:path";

// src/config/config.ts
import { readFileSync as readFileSync5 } from "node:fs";
import { join as join14 } from "node:path";
var CONFIG_FILE = "lockstep.config.json", DEFAULT_CONFIG = {
  lockTimeoutMs: DEFAULT_TIMEOUT_MS,
  leaseMs: DEFAULT_LEASE_MS,
  shared: [],
  requireTask: !1,
  requireHooks: !1,
  attribution: [],
  foreignChanges: "commit-own",
  untrailedCommits: "warning",
  source: null
}, KEYS = ["lockTimeout", "lease", "shared", "requireTask", "requireHooks", "attribution", "foreignChanges", "untrailedCommits"], RULES = ["lines", "json-keys", "whole"];
function oneOf(value, allowed, where) {
  if (typeof value == "string" && allowed.includes(value)) return value;
  throw new LockstepError("BAD_INPUT", `${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${quoteInput(value)}`);
}
function readText(path) {
  try {
    return readFileSync5(path, "utf8");
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
function durationMs(value, where, range = {}) {
  return typeof value == "number" ? durationFromSeconds(value, where, range) : typeof value == "string" ? parseDuration(value, where, range) : parseDuration(JSON.stringify(value), where, range);
}
function parseConfig(raw, where) {
  if (raw === null || typeof raw != "object" || Array.isArray(raw))
    throw new LockstepError("BAD_INPUT", `${where}: the lockstep configuration must be a JSON object, got ${Array.isArray(raw) ? "an array" : quoteInput(raw)}`);
  let obj = raw;
  for (let key of Object.keys(obj))
    if (!KEYS.includes(key))
      throw new LockstepError("BAD_INPUT", `${where}: unknown key ${quoteInput(key)} (known keys: ${KEYS.join(", ")})`);
  let cfg = { ...DEFAULT_CONFIG, shared: [], attribution: [], source: where };
  if (obj.lockTimeout !== void 0 && (cfg.lockTimeoutMs = durationMs(obj.lockTimeout, `${where}: key "lockTimeout"`)), obj.lease !== void 0 && (cfg.leaseMs = durationMs(obj.lease, `${where}: key "lease"`, { min: 1e3 })), obj.shared !== void 0) {
    if (!Array.isArray(obj.shared) || !obj.shared.every((g) => typeof g == "string"))
      throw new LockstepError("BAD_INPUT", `${where}: key "shared" must be an array of glob strings, got ${quoteInput(obj.shared)}`);
    try {
      cfg.shared = validateGlobs(obj.shared);
    } catch (e) {
      throw e instanceof LockstepError ? new LockstepError("BAD_INPUT", `${where}: key "shared": ${e.message}`) : e;
    }
  }
  if (obj.requireTask !== void 0) {
    if (typeof obj.requireTask != "boolean") throw new LockstepError("BAD_INPUT", `${where}: key "requireTask" must be true or false, got ${quoteInput(obj.requireTask)}`);
    cfg.requireTask = obj.requireTask;
  }
  if (obj.requireHooks !== void 0) {
    if (typeof obj.requireHooks != "boolean") throw new LockstepError("BAD_INPUT", `${where}: key "requireHooks" must be true or false, got ${JSON.stringify(obj.requireHooks)}`);
    cfg.requireHooks = obj.requireHooks;
  }
  if (obj.attribution !== void 0) {
    let a = obj.attribution;
    if (a === null || typeof a != "object" || Array.isArray(a)) throw new LockstepError("BAD_INPUT", `${where}: key "attribution" must be an object of GLOB: "lines" | "json-keys" | "whole", got ${quoteInput(a)}`);
    for (let [glob, rule] of Object.entries(a)) {
      let g;
      try {
        g = validateGlob(glob);
      } catch (e) {
        throw e instanceof LockstepError ? new LockstepError("BAD_INPUT", `${where}: key "attribution": ${e.message}`) : e;
      }
      cfg.attribution.push({ glob: g, rule: oneOf(rule, RULES, `${where}: key "attribution" ${JSON.stringify(glob)}`) });
    }
  }
  return obj.foreignChanges !== void 0 && (cfg.foreignChanges = oneOf(obj.foreignChanges, ["commit-own", "block"], `${where}: key "foreignChanges"`)), obj.untrailedCommits !== void 0 && (cfg.untrailedCommits = oneOf(obj.untrailedCommits, ["warning", "error"], `${where}: key "untrailedCommits"`)), cfg;
}
function loadConfig(opts) {
  let filePath = join14(opts.topLevel, CONFIG_FILE), pkgPath = join14(opts.topLevel, "package.json"), fileText = readText(filePath), pkgText = readText(pkgPath), fromPkg;
  if (pkgText !== null) {
    let pkg = parseJson(pkgText, pkgPath);
    pkg && typeof pkg == "object" && !Array.isArray(pkg) && (fromPkg = pkg.lockstep);
  }
  if (fileText !== null && fromPkg !== void 0)
    throw new LockstepError("BAD_INPUT", `lockstep is configured twice: in ${filePath} and in the "lockstep" key of ${pkgPath}`, {
      hint: "keep one of them"
    });
  return fileText !== null ? parseConfig(parseJson(fileText, filePath), filePath) : fromPkg !== void 0 ? parseConfig(fromPkg, `${pkgPath} "lockstep"`) : { ...DEFAULT_CONFIG, shared: [], attribution: [] };
}

// src/git/temp-index.ts
import { closeSync as closeSync4, fstatSync as fstatSync3, openSync as openSync3, readFileSync as readFileSync6, utimesSync as utimesSync2, writeFileSync as writeFileSync3 } from "node:fs";
function copyIndexForTemp(index, to) {
  let fd;
  try {
    fd = openSync3(index, "r");
  } catch (e) {
    if (e.code === "ENOENT") return !1;
    throw fsError(e, "read", index);
  }
  let data, mtimeSec;
  try {
    let st = fstatSync3(fd);
    mtimeSec = Math.floor(st.mtimeMs / 1e3), data = readFileSync6(fd);
  } catch (e) {
    throw fsError(e, "read", index);
  } finally {
    closeSync4(fd);
  }
  try {
    writeFileSync3(to, data, { flag: "wx", mode: 420 }), utimesSync2(to, mtimeSec, mtimeSec);
  } catch (e) {
    throw fsError(e, "write", to);
  }
  return !0;
}

// src/tasks/fence.ts
import { linkSync as linkSync5, writeFileSync as writeFileSync4 } from "node:fs";
import { join as join15 } from "node:path";

// src/tasks/trailers.ts
var TRAILER_TASK = "Lockstep-Task", TRAILER_SCOPE = "Lockstep-Scope", TRAILER_SHARED = "Lockstep-Shared", TRAILER_FENCE = "Lockstep-Fence", TRAILER_PARENT = "Lockstep-Parent", MAX_TRAILER_LINE = 100;
function encodeGlobs(globs) {
  return JSON.stringify(globs).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function chunkedTrailer(key, encoded) {
  let room = MAX_TRAILER_LINE - key.length - 2;
  if (encoded.length <= room) return [`${key}: ${encoded}`];
  let value = encoded.replace(/ /g, "\\u0020"), lines = [], pos = 0;
  for (; pos < value.length; ) {
    let end = Math.min(value.length, pos + room);
    if (end < value.length) {
      let comma = value.lastIndexOf('",', end - 2);
      comma + 2 > pos + room / 2 && (end = comma + 2);
    }
    lines.push(`${key}: ${value.slice(pos, end)}`), pos = end;
  }
  return lines;
}
function formatFence(token, counter) {
  return counter ? `${token}@${counter}` : String(token);
}
function trailerLines(t) {
  let lines = [`${TRAILER_TASK}: ${t.task}`, ...chunkedTrailer(TRAILER_SCOPE, encodeGlobs(t.scope))];
  t.shared.length && lines.push(...chunkedTrailer(TRAILER_SHARED, encodeGlobs(t.shared))), lines.push(`${TRAILER_FENCE}: ${t.fence}`, `${TRAILER_PARENT}: ${t.parent || "none"}`);
  for (let l of lines)
    if (/[\r\n]/.test(l)) throw new LockstepError("BAD_INPUT", `a trailer may not span lines: ${quoteInput(l)}`);
  return lines;
}
var LOCKSTEP_TRAILER_LINE = /^Lockstep-(Task|Scope|Shared|Fence|Parent):/;
function withoutLockstepTrailers(message) {
  return message.split(`
`).filter((l) => !LOCKSTEP_TRAILER_LINE.test(l)).join(`
`);
}
function trailerArgs(t) {
  return ["--if-exists", "add", "--if-missing", "add", ...trailerLines(t).flatMap((l) => ["--trailer", l])];
}

// src/tasks/fence.ts
var ID2 = /^[a-f0-9]{12}$/;
function fenceCounterId(root) {
  let path = join15(root, "fence-id");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      let id = readFileNoFollow(path).trim();
      if (ID2.test(id)) return id;
      break;
    } catch (e) {
      if (e.code === "ELOOP") throw fsError(e, "read", path);
    }
    let tmp = tempPathFor(path);
    try {
      writeFileSync4(tmp, `${randomHex(6)}
`, { flag: "wx" }), linkSync5(tmp, path);
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
import { linkSync as linkSync6, lstatSync as lstatSync5, readdirSync as readdirSync6, readFileSync as readFileSync7, readlinkSync as readlinkSync2, realpathSync as realpathSync3, renameSync as renameSync5, statSync as statSync9, unlinkSync as unlinkSync4 } from "node:fs";
import { basename as basename2, dirname as dirname6, join as join16, relative as relative2, resolve as resolve4, sep as sep2 } from "node:path";
function findGitLockFiles(commonDir) {
  let out = [], lockFilesIn = (dir) => {
    for (let e of safeReaddir(dir)) e.isFile() && e.name.endsWith(".lock") && out.push(join16(dir, e.name));
  }, walkRefs = (dir, depth) => {
    if (!(depth > 32))
      for (let e of safeReaddir(dir))
        e.isDirectory() ? walkRefs(join16(dir, e.name), depth + 1) : e.isFile() && e.name.endsWith(".lock") && out.push(join16(dir, e.name));
  };
  lockFilesIn(commonDir), walkRefs(join16(commonDir, "refs"), 0);
  for (let w of safeReaddir(join16(commonDir, "worktrees")))
    w.isDirectory() && (lockFilesIn(join16(commonDir, "worktrees", w.name)), walkRefs(join16(commonDir, "worktrees", w.name, "refs"), 0));
  return out.sort();
}
function safeReaddir(dir) {
  try {
    return readdirSync6(dir, { withFileTypes: !0 });
  } catch {
    return [];
  }
}
function repositoryDirs(commonDir) {
  let dirs = [commonDir];
  basename2(commonDir) === ".git" && dirs.push(dirname6(commonDir));
  for (let w of safeReaddir(join16(commonDir, "worktrees")))
    try {
      let dotGit = readFileSync7(join16(commonDir, "worktrees", w.name, "gitdir"), "utf8").trim();
      dotGit && dirs.push(dirname6(dotGit));
    } catch {
    }
  return dirs;
}
var within = (dir, p) => p === dir || p.startsWith(dir.endsWith(sep2) ? dir : dir + sep2), TICKS_PER_SECOND = 100;
function readProcFile(pid, file) {
  try {
    return readFileSync7(`/proc/${pid}/${file}`, "latin1");
  } catch {
    return null;
  }
}
function readLink(p) {
  try {
    return readlinkSync2(p);
  } catch {
    return null;
  }
}
function isDaemon(args) {
  return args.some((a) => a === "daemon" || a.endsWith("--daemon"));
}
function scanProcfs(repoDirs, lockPaths) {
  let processes = [], pids;
  try {
    pids = readdirSync6("/proc");
  } catch {
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 };
  }
  for (let name of pids) {
    if (!/^[0-9]+$/.test(name)) continue;
    let pid = Number(name);
    if (pid === process.pid) continue;
    let stat = readProcStat(pid);
    if (!stat) continue;
    let { comm } = stat, startTicks = Number(stat.start);
    if (!Number.isFinite(startTicks)) continue;
    let args = (readProcFile(pid, "cmdline") ?? "").split("\0").filter((a) => a !== ""), isGit = comm.startsWith("git") && !isDaemon(args), mayUseRepo = isGit ? gitMayUseRepo(pid, args, repoDirs) : !0;
    if (mayUseRepo === "gone") continue;
    let open = null, fds = readdirNames(`/proc/${pid}/fd`);
    if (fds) {
      open = /* @__PURE__ */ new Set();
      for (let fd of fds) {
        let target = readLink(`/proc/${pid}/fd/${fd}`);
        target !== null && lockPaths.has(target) && open.add(target);
      }
    }
    processes.push({ pid, startMs: startTicks * 1e3 / TICKS_PER_SECOND, isGit, mayUseRepo, command: args.join(" ").slice(0, 200) || comm, open });
  }
  let uptimeMs = Number(readFileSync7("/proc/uptime", "latin1").split(" ")[0] ?? "0") * 1e3, now = Date.now();
  return { processes, fileTimeIn: (ctimeMs) => uptimeMs - (now - ctimeMs), slackMs: 50 };
}
function gitMayUseRepo(pid, args, repoDirs) {
  let cwd = readProcOrGone(pid, "cwd", (p) => readlinkSync2(p)), env = readProcOrGone(pid, "environ", (p) => readFileSync7(p, "latin1"));
  if (cwd === "gone" || env === "gone") return "gone";
  if (cwd === null || env === null) return !0;
  let inRepo = (p) => repoDirs.some((d) => within(d, canonical(resolve4(cwd, p))));
  return inRepo(cwd) || [...pointedByEnv(env), ...pointedByArgs(args)].some(inRepo);
}
function readProcOrGone(pid, file, read) {
  try {
    return read(`/proc/${pid}/${file}`);
  } catch (e) {
    let code = e.code;
    return code === "ENOENT" || code === "ESRCH" ? "gone" : null;
  }
}
function pointedByEnv(env) {
  return env.split("\0").flatMap((kv) => /^GIT_(?:DIR|WORK_TREE|COMMON_DIR|INDEX_FILE)=(.+)$/.exec(kv)?.[1] ?? []);
}
function pointedByArgs(args) {
  return args.flatMap((a, i) => {
    let m = /^--(?:git-dir|work-tree)(?:=(.*))?$/.exec(a);
    if (!m) return [];
    let value = m[1] ?? args[i + 1];
    return value ? [value] : [];
  });
}
function readdirNames(dir) {
  try {
    return readdirSync6(dir);
  } catch {
    return null;
  }
}
function scanPs() {
  let processes = [], out;
  try {
    out = execFileSync2("ps", ["-A", "-o", "pid=,lstart=,comm="], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, LC_ALL: "C" } });
  } catch {
    return { processes: null, fileTimeIn: (t) => t, slackMs: 0 };
  }
  for (let line of out.split(`
`)) {
    let m = /^\s*(\d+)\s+(\w{3}\s+\w{3}\s+\d+\s+[\d:]{8}\s+\d{4})\s+(.+)$/.exec(line);
    if (!m) continue;
    let pid = Number(m[1]), started = Date.parse(m[2]);
    if (pid === process.pid || !Number.isFinite(started)) continue;
    let comm = basename2(m[3].trim());
    processes.push({ pid, startMs: started, isGit: comm.startsWith("git"), mayUseRepo: !0, command: m[3].trim(), open: null });
  }
  return { processes, fileTimeIn: (ctimeMs) => ctimeMs, slackMs: 1500 };
}
function scanProcesses(repoDirs, lockPaths) {
  return processInspector().kind === "procfs" ? scanProcfs(repoDirs, lockPaths) : scanPs();
}
function canonical(path) {
  try {
    return join16(realpathSync3.native(dirname6(path)), basename2(path));
  } catch {
    return path;
  }
}
function statOrNull(path) {
  try {
    return lstatSync5(path);
  } catch {
    return null;
  }
}
function judge(path, st, commonDir, scan2) {
  let holders = [], changedAt = scan2.fileTimeIn(st.ctimeMs), real2 = canonical(path);
  scan2.processes === null && holders.push({ pid: 0, command: "the processes of this machine could not be listed", reason: "unknown" });
  for (let p of scan2.processes ?? [])
    p.open?.has(real2) ? holders.push({ pid: p.pid, command: p.command, reason: "open" }) : p.isGit && p.mayUseRepo && p.startMs <= changedAt + scan2.slackMs && holders.push({ pid: p.pid, command: p.command, reason: "older" });
  return {
    path,
    name: relative2(commonDir, path),
    ageMs: Math.max(0, Date.now() - st.ctimeMs),
    state: holders.length ? "in-use" : "stale",
    holders,
    dev: st.dev,
    ino: st.ino,
    ctimeMs: st.ctimeMs
  };
}
function gitLockFiles(commonDir, paths = findGitLockFiles(commonDir)) {
  let scanFor = (files) => scanProcesses(repositoryDirs(commonDir).map(canonical), new Set(files.map(canonical))), found = paths.map((path) => ({ path, st: statOrNull(path) })).filter((f) => f.st !== null);
  if (!found.length) return [];
  let scan2 = scanFor(found.map((f) => f.path));
  return found.map((f) => judge(f.path, f.st, commonDir, scan2));
}
function removeStaleGitLock(lock) {
  if (lock.state !== "stale") return "in-use";
  let st;
  try {
    st = lstatSync5(lock.path);
  } catch {
    return "gone";
  }
  if (st.dev !== lock.dev || st.ino !== lock.ino || st.ctimeMs !== lock.ctimeMs) return "changed";
  let aside = `${lock.path}.lockstep-stale-${process.pid}-${randomHex(4)}`;
  try {
    renameSync5(lock.path, aside);
  } catch (e) {
    if (e.code === "ENOENT") return "gone";
    throw fsError(e, "move aside the stale lock file", lock.path);
  }
  try {
    let moved = statSync9(aside);
    if (moved.dev !== lock.dev || moved.ino !== lock.ino) {
      try {
        linkSync6(aside, lock.path);
      } catch {
      }
      return unlinkSync4(aside), "changed";
    }
    unlinkSync4(aside);
  } catch (e) {
    if (e.code === "ENOENT") return "gone";
    throw fsError(e, "remove the stale lock file (moved aside as)", aside);
  }
  return "cleared";
}
function clearIfStale(commonDir, path) {
  let [lock] = gitLockFiles(commonDir, [path]);
  return lock ? { outcome: removeStaleGitLock(lock), lock } : { outcome: "gone", lock: null };
}
function recordClearedGitLock(root, lock, by) {
  appendEvent(root, "git_lock_cleared", { lock: lock.name, path: lock.path, ageMs: Math.round(lock.ageMs), by });
}
function clearStaleLockNamedIn(stderr, commonDir, root, by) {
  let path = lockFileInError(stderr, commonDir);
  if (!path) return !1;
  let { outcome, lock } = clearIfStale(commonDir, path);
  return outcome !== "cleared" || !lock ? !1 : (recordClearedGitLock(root, lock, by), !0);
}
function checkGitLocks(opts = {}) {
  let rt = openRuntime({ cwd: opts.cwd, allowBare: !0 }), commonDir = rt.repo?.commonDir;
  if (!commonDir) throw new LockstepError("NOT_A_REPO", `${opts.cwd ?? process.cwd()} is not inside a git repository`);
  let locks = gitLockFiles(commonDir), cleared = [], stale = [];
  for (let l of locks) {
    if (l.state !== "stale") continue;
    let outcome = opts.clear ? removeStaleGitLock(l) : null;
    outcome === "cleared" ? (cleared.push(l), recordClearedGitLock(rt.root, l, opts.by ?? "lockstep git-locks --clear")) : outcome !== "gone" && stale.push(l);
  }
  return { commonDir, locks, cleared, stale };
}
function lockFileInError(stderr, commonDir) {
  let m = /Unable to create '([^'\n]+\.lock)': File exists/.exec(stderr);
  if (!m) return null;
  let path = resolve4(m[1]), dir = canonical(commonDir);
  return within(dir, canonical(path)) ? path : null;
}

// src/tasks/index-retry.ts
function indexLocked(r) {
  return r.code !== 0 && /index\.lock/.test(r.stderr);
}
var JUDGE_EVERY_MS = 1e3;
async function withIndexRetry(run, deadlineMs, stale) {
  let nextJudge = 0;
  for (let delay = 5; ; delay = Math.min(100, delay * 2)) {
    let r = await run();
    if (!indexLocked(r)) return r;
    if (stale && Date.now() >= nextJudge) {
      nextJudge = Date.now() + JUDGE_EVERY_MS;
      let { outcome, lock } = clearIfStale(stale.commonDir, stale.lock);
      if (outcome === "cleared" && lock) {
        await stale.onCleared(lock);
        continue;
      }
    }
    if (Date.now() > deadlineMs) return r;
    await sleep2(timerDelay(delay));
  }
}

// src/tasks/orphans.ts
import { constants as constants4, copyFileSync, linkSync as linkSync7, lstatSync as lstatSync6, readlinkSync as readlinkSync3, rmSync as rmSync2, writeFileSync as writeFileSync5 } from "node:fs";
import { join as join17 } from "node:path";

// src/tasks/git-paths.ts
var COMMON = ["--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv"], STAGED_ARGS = ["diff", "--cached", ...COMMON, "--no-relative", "--ita-invisible-in-index"];
function splitNul(raw) {
  let parts = raw.split("\0");
  return parts.length && parts[parts.length - 1] === "" && parts.pop(), parts;
}
async function stagedPaths(git, env) {
  let raw = await git.exec(STAGED_ARGS, { readOnly: !0, env });
  return { raw, paths: splitNul(raw) };
}
async function headCommit(git) {
  let r = await git.run(["rev-parse", "--verify", "-q", "HEAD^{commit}"], { readOnly: !0 });
  return r.code === 0 ? r.stdout.trim() : null;
}

// src/tasks/orphans.ts
var ORPHANS_DIR = "orphans";
function fieldsThenPath(rec, n) {
  let at = 0, fields = [];
  for (let k = 0; k < n; k++) {
    let sp = rec.indexOf(" ", at);
    if (sp < 0) return null;
    fields.push(rec.slice(at, sp)), at = sp + 1;
  }
  return { fields, path: rec.slice(at) };
}
function parseStatusV2(raw) {
  let byPath = /* @__PURE__ */ new Map(), recs = raw.split("\0");
  for (let k = 0; k < recs.length; k++) {
    let rec = recs[k];
    if (rec === "") continue;
    let kind = rec[0];
    if (kind === "1" || kind === "2") {
      let p = fieldsThenPath(rec, kind === "1" ? 8 : 9);
      if (kind === "2" && k++, !p) continue;
      let [, xy, sub, mH, mI] = p.fields;
      if (sub !== "N...") continue;
      let prev = byPath.get(p.path);
      byPath.set(p.path, {
        path: p.path,
        inHead: mH !== "000000",
        inIndex: mI !== "000000",
        indexDiffers: xy[0] !== ".",
        worktreeDiffers: xy[1] !== "." || (prev?.worktreeDiffers ?? !1)
      });
    } else if (kind === "?") {
      let path = rec.slice(2), prev = byPath.get(path);
      byPath.set(path, prev ? { ...prev, worktreeDiffers: !0 } : { path, inHead: !1, inIndex: !1, indexDiffers: !1, worktreeDiffers: !0 });
    }
  }
  return [...byPath.values()];
}
function sanitizePath(p) {
  let s = p.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "");
  return (s.length > 100 ? s.slice(-100) : s) || "path";
}
function lstatQuiet(p) {
  try {
    return lstatSync6(p);
  } catch {
    return null;
  }
}
function publish(tmp, dir, base) {
  try {
    for (let n = 1; ; n++) {
      let target = join17(dir, n === 1 ? base : `${base}-${n}`);
      try {
        return linkSync7(tmp, target), target;
      } catch (e) {
        if (e.code !== "EEXIST" || n > 1e3) throw e;
      }
    }
  } finally {
    unlinkQuiet(tmp);
  }
}
async function moveAsideForeignChanges(opts) {
  let { git, top } = opts, candidates = opts.paths.filter((p) => p === "." || lstatQuiet(join17(top, p))?.isDirectory() ? !0 : classifyPaths({ task: opts.task, others: [], shared: opts.shared, paths: [p] }).shared.length > 0);
  if (candidates.length === 0) return [];
  let status = await git.run(["--literal-pathspecs", "status", "--porcelain=v2", "-z", "--untracked-files=all", "--no-renames", "--ignore-submodules=all", "--", ...candidates], { readOnly: !0 });
  if (status.code !== 0) throw new LockstepError("GIT_FAILED", `checking ${candidates.map(showPath).join(" ")} for changes left by others (git status) failed: ${status.stderr.trim()}`);
  let dirty = parseStatusV2(status.stdout);
  if (dirty.length === 0) return [];
  let sharedSet = new Set(classifyPaths({ task: opts.task, others: opts.others, shared: opts.shared, paths: dirty.map((d) => d.path) }).shared), found = dirty.filter((d) => sharedSet.has(d.path) && !lstatQuiet(join17(top, d.path))?.isDirectory());
  if (found.length === 0) return [];
  let dir = join17(opts.root, ORPHANS_DIR);
  ensureDirIn(opts.root, dir);
  let prefix = `${(/* @__PURE__ */ new Date()).toISOString().replace(/[-:]/g, "")}-${opts.task.id}-`, fromTask = opts.handle.tookOver?.task ?? null, base = found.some((d) => d.inHead) ? await headCommit(git) : null, indexCopies = found.filter((d) => d.inIndex && d.indexDiffers && d.worktreeDiffers), exportDir = join17(dir, `.export.${process.pid}.${randomHex(4)}`), out = [];
  try {
    if (indexCopies.length) {
      let r = await git.run(["checkout-index", "-f", "-z", "--stdin", `--prefix=${exportDir}/`], { readOnly: !0, input: indexCopies.map((d) => `${d.path}\0`).join("") });
      if (r.code !== 0) throw new LockstepError("GIT_FAILED", `saving the staged versions of ${indexCopies.map((d) => showPath(d.path)).join(" ")} (git checkout-index) failed: ${r.stderr.trim()}; nothing committed`);
    }
    for (let d of found) {
      let name = prefix + sanitizePath(d.path), abs = join17(top, d.path), st = lstatQuiet(abs), exported = indexCopies.includes(d) ? join17(exportDir, d.path) : null, savedTo = null, stagedSavedTo = null;
      if (st?.isFile() || st?.isSymbolicLink()) {
        let tmp = tempPathFor(join17(dir, name));
        st.isSymbolicLink() ? writeFileSync5(tmp, readlinkSync3(abs), { flag: "wx" }) : copyFileSync(abs, tmp, constants4.COPYFILE_EXCL), savedTo = publish(tmp, dir, name), exported && (stagedSavedTo = publish(exported, dir, `${name}.staged`));
      } else exported && (savedTo = publish(exported, dir, name));
      out.push({ path: d.path, savedTo, stagedSavedTo, deleted: savedTo === null, base: d.inHead ? base : null, fromTask });
    }
  } finally {
    rmSync2(exportDir, { recursive: !0, force: !0 });
  }
  let saved = () => out.filter((o) => o.savedTo).map((o) => `${showPath(o.path)} \u2192 ${o.savedTo}`).join(", "), fail = (what, stderr) => new LockstepError("GIT_FAILED", `moving aside the change left in ${found.map((d) => showPath(d.path)).join(" ")} failed (${what}: ${stderr.trim()}): nothing committed${saved() ? `; saved: ${saved()}` : ""}`, {
    hint: "run the command again once git is done (another git process may hold .git/index.lock)"
  }), fromHead = found.filter((d) => d.inHead).map((d) => `${d.path}\0`).join("");
  if (fromHead) {
    let r = await withIndexRetry(() => git.run(["--literal-pathspecs", "checkout", "-q", "HEAD", "--pathspec-from-file=-", "--pathspec-file-nul"], { input: fromHead }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail("git checkout HEAD", r.stderr);
  }
  let notInHead = found.filter((d) => !d.inHead), indexed = notInHead.filter((d) => d.inIndex).map((d) => `${d.path}\0`).join("");
  if (indexed) {
    let r = await withIndexRetry(() => git.run(["update-index", "-z", "--force-remove", "--stdin"], { input: indexed }), opts.deadlineMs, opts.staleIndexLock);
    if (r.code !== 0) throw fail("git update-index --force-remove", r.stderr);
  }
  for (let d of notInHead) unlinkQuiet(join17(top, d.path));
  for (let o of out)
    appendEvent(opts.root, "orphaned_change", { task: opts.task.id, path: o.path, savedTo: o.savedTo, stagedSavedTo: o.stagedSavedTo, deleted: o.deleted, base: o.base, fromTask, token: opts.handle.token });
  return out;
}

// src/tasks/edit-snapshot.ts
import { lstatSync as lstatSync7, mkdirSync as mkdirSync3, readFileSync as readFileSync8, readdirSync as readdirSync7, readlinkSync as readlinkSync4, renameSync as renameSync6, rmSync as rmSync3, rmdirSync as rmdirSync2, symlinkSync, writeFileSync as writeFileSync6, chmodSync } from "node:fs";
import { dirname as dirname7, join as join18 } from "node:path";
var SNAPSHOT_MAX_BYTES = 64 * 1024 * 1024, SNAPSHOT_MAX_ENTRIES = 2e4;
function lstatOrNull2(p) {
  try {
    return lstatSync7(p);
  } catch (e) {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw e;
  }
}
function take(abs, budget) {
  if (--budget.entries < 0) return !1;
  let st = lstatOrNull2(abs);
  if (!st) return { kind: "absent" };
  if (st.isSymbolicLink()) return { kind: "symlink", target: readlinkSync4(abs) };
  if (st.isDirectory()) {
    let children = /* @__PURE__ */ new Map();
    for (let n of readdirSync7(abs)) {
      if (n === ".git") continue;
      let c = take(join18(abs, n), budget);
      if (c === !1) return !1;
      children.set(n, c);
    }
    return { kind: "dir", mode: st.mode & 4095, children };
  }
  return budget.bytes -= st.size, budget.bytes < 0 ? !1 : { kind: "file", mode: st.mode & 4095, data: readFileSync8(abs) };
}
async function snapshotPaths(git, top, paths) {
  let budget = { bytes: SNAPSHOT_MAX_BYTES, entries: SNAPSHOT_MAX_ENTRIES }, map = /* @__PURE__ */ new Map(), missingFrom = /* @__PURE__ */ new Map();
  for (let p of paths) {
    let e = take(join18(top, p), budget);
    if (e === !1) {
      map = null;
      break;
    }
    if (map.set(p, e), e.kind === "absent") {
      let first = null;
      for (let d = dirname7(p); d !== "." && !lstatOrNull2(join18(top, d)); d = dirname7(d)) first = d;
      first && missingFrom.set(p, first);
    }
  }
  let ls = await git.run(["--literal-pathspecs", "ls-files", "-s", "-z", "--", ...paths], { readOnly: !0 });
  return { top, paths: map, missingFrom, index: ls.code === 0 ? ls.stdout : "" };
}
function parentsUnder(top, rel, create) {
  let at = top;
  for (let part of rel.split("/").slice(0, -1)) {
    at = join18(at, part);
    let st = lstatOrNull2(at);
    if (!st && !create) return !1;
    if (!st) mkdirSync3(at);
    else if (!st.isDirectory()) throw new Error(`${at} is no longer a directory`);
  }
  return !0;
}
function sameFile(abs, st, e) {
  return st.isFile() && (st.mode & 4095) === e.mode && st.size === e.data.length && readFileSync8(abs).equals(e.data);
}
function put(abs, e) {
  let st = lstatOrNull2(abs);
  if (e.kind === "absent")
    return st ? (rmSync3(abs, { recursive: !0, force: !0 }), !0) : !1;
  if (e.kind === "file") {
    if (st && sameFile(abs, st, e)) return !1;
    let tmp = tempPathFor(abs);
    return writeFileSync6(tmp, e.data, { flag: "wx" }), chmodSync(tmp, e.mode), st?.isDirectory() && rmSync3(abs, { recursive: !0, force: !0 }), renameSync6(tmp, abs), !0;
  }
  if (e.kind === "symlink")
    return st?.isSymbolicLink() && readlinkSync4(abs) === e.target ? !1 : (st && rmSync3(abs, { recursive: !0, force: !0 }), symlinkSync(e.target, abs), !0);
  let changed = !1;
  st && !st.isDirectory() && rmSync3(abs, { force: !0 }), (!st || !st.isDirectory()) && (mkdirSync3(abs, { mode: e.mode }), changed = !0);
  for (let [n, c] of e.children) changed = put(join18(abs, n), c) || changed;
  for (let n of readdirSync7(abs))
    n === ".git" || e.children.has(n) || (rmSync3(join18(abs, n), { recursive: !0, force: !0 }), changed = !0);
  return changed;
}
function entriesOf(raw) {
  let m = /* @__PURE__ */ new Map();
  for (let rec of raw.split("\0")) {
    let tab = rec.indexOf("	");
    if (tab < 0) continue;
    let [mode, sha, stage] = rec.slice(0, tab).split(" ");
    stage === "0" && m.set(rec.slice(tab + 1), `${mode} ${sha}`);
  }
  return m;
}
async function restorePaths(git, snap, paths, deadlineMs, staleIndexLock) {
  let report = { restored: [], notRestored: [] };
  if (!snap.paths) {
    for (let p of paths) report.notRestored.push({ path: p, reason: `too large to snapshot before the edit (over ${SNAPSHOT_MAX_BYTES / 1024 / 1024} MiB or ${SNAPSHOT_MAX_ENTRIES} files)` });
    return report;
  }
  for (let [p, e] of snap.paths)
    try {
      let changed = parentsUnder(snap.top, p, e.kind !== "absent") && put(join18(snap.top, p), e), from = snap.missingFrom.get(p);
      if (from)
        for (let d = dirname7(p); ; d = dirname7(d)) {
          try {
            rmdirSync2(join18(snap.top, d)), changed = !0;
          } catch {
            break;
          }
          if (d === from) break;
        }
      changed && report.restored.push(p);
    } catch (err) {
      report.notRestored.push({ path: p, reason: err.message });
    }
  let now = await git.run(["--literal-pathspecs", "ls-files", "-s", "-z", "--", ...paths], { readOnly: !0 }), before = entriesOf(snap.index), after = entriesOf(now.code === 0 ? now.stdout : ""), lines = [];
  for (let [p, v] of before) after.get(p) !== v && lines.push(`${v}	${p}`);
  for (let [p, v] of after) before.has(p) || lines.push(`0 ${"0".repeat(v.split(" ")[1].length)}	${p}`);
  if (lines.length) {
    let r = await withIndexRetry(() => git.run(["update-index", "-z", "--index-info"], { input: lines.map((l) => `${l}\0`).join("") }), deadlineMs, staleIndexLock), changed = lines.map((l) => l.slice(l.indexOf("	") + 1));
    if (r.code !== 0) for (let p of changed) report.notRestored.push({ path: p, reason: `its index entry: git update-index failed: ${r.stderr.trim()}` });
    else for (let p of changed) report.restored.includes(p) || report.restored.push(p);
  }
  return report;
}
function describeRestore(r) {
  let parts = [];
  return r.restored.length && parts.push(`the edit's changes to ${r.restored.map(showPath).join(", ")} were undone`), r.notRestored.length && parts.push(`NOT undone, the edit's version is still in the worktree: ${r.notRestored.map((n) => `${showPath(n.path)} (${n.reason})`).join("; ")}`), parts.join("; ");
}

// src/tasks/edits.ts
import { readdirSync as readdirSync8, readFileSync as readFileSync9 } from "node:fs";
import { join as join19 } from "node:path";

// src/tasks/line-diff.ts
function splitLines(text) {
  let out = [], start = 0;
  for (; ; ) {
    let nl = text.indexOf(`
`, start);
    if (nl < 0) break;
    out.push(text.slice(start, nl + 1)), start = nl + 1;
  }
  return start < text.length && out.push(text.slice(start)), out;
}
var MAX_EDITS = 4e3;
function diffLines(a, b) {
  let pre = 0;
  for (; pre < a.length && pre < b.length && a[pre] === b[pre]; ) pre++;
  let suf = 0;
  for (; suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]; ) suf++;
  let n = a.length - pre - suf, m = b.length - pre - suf;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
  let ops = myers(a, b, pre, n, m);
  return ops ? toHunks(ops, pre) : [{ aStart: pre, aEnd: pre + n, bStart: pre, bEnd: pre + m }];
}
function myers(a, b, pre, n, m) {
  let max = Math.min(n + m, MAX_EDITS), off = max + 1, v = new Int32Array(2 * max + 3), trace = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    let next = v;
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || k !== d && v[off + k - 1] < v[off + k + 1] ? v[off + k + 1] : v[off + k - 1] + 1, j = i - k;
      for (; i < n && j < m && a[pre + i] === b[pre + j]; )
        i++, j++;
      if (next[off + k] = i, i >= n && j >= m) return backtrack(trace, d, n, m);
    }
    v = next;
  }
  return null;
}
function backtrack(trace, dEnd, n, m) {
  let ops = [], i = n, j = m;
  for (let d = dEnd; d > 0; d--) {
    let t = trace[d], at = (k2) => t[k2 + d + 1], k = i - j, down = k === -d || k !== d && at(k - 1) < at(k + 1), pk = down ? k + 1 : k - 1, pi = at(pk), pj = pi - pk, si = down ? pi : pi + 1;
    for (; i > si; )
      ops.push(0), i--, j--;
    ops.push(down ? 2 : 1), i = pi, j = pj;
  }
  for (; i > 0; )
    ops.push(0), i--;
  return Uint8Array.from(ops.reverse());
}
function toHunks(ops, pre) {
  let hunks = [], i = pre, j = pre, cur = null;
  for (let op of ops) {
    if (op === 0) {
      cur && hunks.push(cur), cur = null, i++, j++;
      continue;
    }
    cur ??= { aStart: i, aEnd: i, bStart: j, bEnd: j }, op === 1 ? cur.aEnd = ++i : cur.bEnd = ++j;
  }
  return cur && hunks.push(cur), hunks;
}

// src/tasks/edits.ts
function editsDir(root) {
  return join19(root, "edits");
}
function readEditFile(root, task) {
  try {
    let v = JSON.parse(readFileSync9(join19(editsDir(root), `${task}.json`), "utf8"));
    if (v && v.v === 1 && typeof v.files == "object") return v;
  } catch {
  }
  return { v: 1, task, files: {} };
}
function writeEditFile(root, f) {
  ensureDirIn(root, editsDir(root));
  let path = join19(editsDir(root), `${f.task}.json`);
  Object.keys(f.files).length === 0 ? unlinkQuiet(path) : writeFileAtomic(path, JSON.stringify(f));
}
var strip = (l) => l.replace(/\r?\n$/, "");
function changedLines(before, after) {
  let a = splitLines(before ?? ""), b = splitLines(after ?? ""), added = [], removed = [];
  for (let h of diffLines(a, b)) {
    for (let i = h.aStart; i < h.aEnd; i++) removed.push(strip(a[i]));
    for (let j = h.bStart; j < h.bEnd; j++) added.push(strip(b[j]));
  }
  return { added, removed };
}
function recordChanges(root, task, before, after) {
  let f = readEditFile(root, task), out = [];
  for (let path of /* @__PURE__ */ new Set([...before.keys(), ...after.keys()])) {
    let b = before.get(path) ?? null, a = after.get(path) ?? null;
    if (a === b) continue;
    let c = changedLines(b, a);
    if (!c.added.length && !c.removed.length) continue;
    let e = f.files[path] ??= { added: [], removed: [] };
    e.added.push(...c.added), e.removed.push(...c.removed), out.push({ path, added: c.added.length, removed: c.removed.length });
  }
  return out.length && writeEditFile(root, f), out;
}
async function filesMatching(git, globs) {
  if (globs.length === 0) return [];
  let match = compileScope(globs), raw = await git.exec(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--full-name"], { readOnly: !0 });
  return [...new Set(splitNul(raw))].filter(match);
}
function snapshotFiles(top, paths) {
  let out = /* @__PURE__ */ new Map();
  for (let p of paths)
    try {
      out.set(p, readFileSync9(join19(top, p), "utf8"));
    } catch {
      out.set(p, null);
    }
  return out;
}
function sharedGlobs(task, configured) {
  return [...task.shared, ...configured.filter((g) => !task.shared.includes(g))];
}

// src/tasks/commit.ts
var FENCE_PLACEHOLDER = "0@lockstepfenceplaceholder", PARENT_PLACEHOLDER = "lockstepparentplaceholder", FORWARDED2 = ["SIGINT", "SIGTERM", "SIGHUP"];
function repoRelativePaths(paths, cwd, top) {
  if (paths.length === 0) throw new LockstepError("BAD_INPUT", "no paths to commit: name the files after --, e.g. lockstep commit --task 7 -m msg -- TODO.md specs/7/plan.md");
  let out = [];
  for (let p of paths) {
    if (typeof p != "string" || p === "") throw new LockstepError("BAD_INPUT", "an empty path was given");
    if (p.includes("\0")) throw new LockstepError("BAD_INPUT", `path ${quoteInput(p)} contains a NUL byte`);
    let abs = resolve5(cwd, p), rel = relative3(top, abs);
    if (rel === ".." || rel.startsWith(`..${sep3}`) || isAbsolute2(rel))
      throw new LockstepError("BAD_INPUT", `path ${quoteInput(p)} is outside the worktree ${top}`);
    let posix2 = rel === "" ? "." : rel.split(sep3).join("/");
    if (posix2 === ".git" || posix2.startsWith(".git/")) throw new LockstepError("BAD_INPUT", `path ${quoteInput(p)} is inside .git`);
    out.includes(posix2) || out.push(posix2);
  }
  return out;
}
function violationError(task, c) {
  let lines = [];
  for (let o of c.otherTask) lines.push(`${showPath(o.path)} belongs to active task ${o.task}`);
  for (let p of c.outside) lines.push(`${showPath(p)} is outside task ${task.id}'s scope (${task.scope.join(" ")})`);
  return new LockstepError("VIOLATION", `nothing committed for task ${task.id}: ${lines.join("; ")}`, {
    hint: `commit only paths in the task's scope, declare them shared (lockstep task start ${task.id} --replace --scope \u2026 --shared GLOB), or widen the scope`,
    detail: { task: task.id, otherTask: c.otherTask, outside: c.outside }
  });
}
function gitFailed(what, r) {
  let msg = (r.stderr || r.stdout).trim();
  return new LockstepError("GIT_FAILED", `${what} failed: ${msg || `git exited ${r.code}`}`, { detail: { code: r.code, stderr: r.stderr } });
}
function runChild(child) {
  let stdout = "", stderr = "";
  return child.stdout?.on("data", (d) => stdout += d), child.stderr?.on("data", (d) => stderr += d), new Promise((r) => {
    let error = null;
    child.once("error", (e) => {
      error = e;
    }), child.once("close", (code, signal) => r({ code, signal, error, stdout, stderr }));
  });
}
async function commitTask(opts) {
  let taskId = validateTaskId(opts.task);
  if (typeof opts.message != "string" || opts.message.trim() === "")
    throw new LockstepError("BAD_INPUT", "an empty commit message: give one with -m MSG");
  if (opts.message.includes("\0")) throw new LockstepError("BAD_INPUT", "the commit message contains a NUL byte");
  let rt = openRuntime({ cwd: opts.cwd }), top = rt.repo?.topLevel;
  if (!top || !rt.repo) throw new LockstepError("ENVIRONMENT", `${opts.cwd} has no worktree: lockstep commit runs in a checkout`);
  let gitDir = rt.repo.gitDir, task = getTask({ runtime: rt, id: taskId });
  if (!task)
    throw new LockstepError("NOT_FOUND", `no active task ${taskId}`, { hint: `start it first: lockstep task start ${taskId} --scope GLOB\u2026` });
  let paths = repoRelativePaths(opts.paths, opts.cwd, top), config = loadConfig({ topLevel: top }), early = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: paths.filter((p) => !isDirectory(join20(top, p))) });
  if (early.otherTask.length || early.outside.length) throw violationError(task, early);
  for (let f of ["MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD"])
    if (existsSync4(join20(gitDir, f)))
      throw new LockstepError("CONFLICT", `a ${f === "MERGE_HEAD" ? "merge" : f === "CHERRY_PICK_HEAD" ? "cherry-pick" : "revert"} is in progress in this worktree: lockstep commit makes ordinary commits only`, {
        hint: "conclude it first (git commit, or git merge --abort / git cherry-pick --abort)"
      });
  let git = createGit(top), shared = [...task.shared, ...config.shared.filter((g) => !task.shared.includes(g))], message = withoutLockstepTrailers(opts.message), template = await git.run(["interpret-trailers", ...trailerArgs({ task: taskId, scope: task.scope, shared, fence: FENCE_PLACEHOLDER, parent: PARENT_PLACEHOLDER })], {
    input: message.endsWith(`
`) ? message : `${message}
`
  });
  if (template.code !== 0) throw gitFailed("adding the trailers (git interpret-trailers)", template);
  let fenceLine = `${TRAILER_FENCE}: ${FENCE_PLACEHOLDER}`, parentLine = `${TRAILER_PARENT}: ${PARENT_PLACEHOLDER}`, at = template.stdout.lastIndexOf(fenceLine);
  if (at < 0 || !template.stdout.includes(parentLine)) throw new LockstepError("GIT_FAILED", "git interpret-trailers did not add the Lockstep-Fence and Lockstep-Parent trailers");
  let env = opts.env ?? process.env, tmpDir = join20(rt.root, "tmp");
  ensureDirIn(rt.root, tmpDir);
  let handle = await acquireLock({
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
  }), lockedEnv = {
    LOCKSTEP_TASK: taskId,
    LOCKSTEP_LOCK_TOKEN: tokenEnvFor(handle, env),
    LOCKSTEP_FENCE: String(handle.token)
  };
  sweepTmp(tmpDir);
  let tmpIndex = join20(tmpDir, `index.${process.pid}.${randomHex(4)}`), msgFile = `${tmpIndex}.msg`, current = null, interrupted = null, forward = (sig) => () => {
    interrupted = sig, current?.kill(sig);
  }, handlers = FORWARDED2.map((sig) => [sig, forward(sig)]);
  for (let [sig, h] of handlers) process.on(sig, h);
  let deadline = () => Date.now() + 1e4, staleIndexLock = {
    commonDir: rt.repo.commonDir,
    lock: join20(gitDir, "index.lock"),
    onCleared: (l) => recordClearedGitLock(rt.root, l, `lockstep commit --task ${taskId}`)
  }, spawnOwned = async (cmd, args, extraEnv, stdio) => {
    if (interrupted) throw new LockstepError("ENVIRONMENT", `interrupted (${interrupted}): nothing committed`);
    let child;
    try {
      child = spawn2(cmd, args, { cwd: top, env: { ...env, ...lockedEnv, ...extraEnv }, stdio: stdio === "inherit" ? "inherit" : ["ignore", stdio, stdio] });
    } catch (e) {
      return { code: null, signal: null, error: e, stdout: "", stderr: "" };
    }
    if (current = child, child.pid !== void 0)
      try {
        updateLock(handle, { addOwners: [child.pid] });
      } catch {
      }
    let r = await runChild(child);
    return current = null, r;
  }, failed = !1, beforeEdit = null, orphaned = [], fence = null;
  try {
    if (orphaned = opts.edit !== void 0 ? await moveAsideForeignChanges({ git, top, root: rt.root, task, others: listTasks({ runtime: rt }), shared: config.shared, paths, handle, deadlineMs: deadline(), staleIndexLock }) : [], opts.edit !== void 0) {
      beforeEdit = await snapshotPaths(git, top, paths);
      let globs = sharedGlobs(task, config.shared), before = snapshotFiles(top, await filesMatching(git, globs)), r2 = await spawnOwned("/bin/sh", ["-c", opts.edit], {}, opts.editStdio ?? "inherit");
      if (recordChanges(rt.root, taskId, before, snapshotFiles(top, [.../* @__PURE__ */ new Set([...before.keys(), ...await filesMatching(git, globs)])])), r2.error || r2.code !== 0) {
        let why = r2.error ? spawnFailureMessage("/bin/sh", top, r2.error) : r2.signal ? `killed by ${r2.signal}` : `exit ${r2.code}`;
        throw new LockstepError("COMMAND_FAILED", `the edit command failed (${why}): nothing committed`, {
          hint: "fix the command; it runs with sh -c at the top of the worktree",
          detail: { exitCode: r2.code, signal: r2.signal, stderr: r2.stderr.slice(-2e3) }
        });
      }
    }
    let idxEnv = { GIT_INDEX_FILE: tmpIndex };
    copyIndexForTemp(join20(gitDir, "index"), tmpIndex);
    let r = await git.run(["read-tree", "-m", "HEAD"], { env: idxEnv });
    if (r.code !== 0) {
      let head = await headCommit(git);
      r = await git.run(head ? ["read-tree", head] : ["read-tree", "--empty"], { env: idxEnv });
    }
    if (r.code !== 0) throw gitFailed("preparing the commit (git read-tree)", r);
    if (await refuseSparseMissing(git, top, paths), r = await git.run(["--literal-pathspecs", "add", "--all", "--", ...paths], { env: idxEnv }), r.code !== 0)
      throw /did not match any files/.test(r.stderr) ? new LockstepError("BAD_INPUT", `nothing to stage: ${r.stderr.trim().replace(/^fatal: /, "")} (not in the worktree and not tracked)`, { hint: "check the paths: they are relative to the current directory" }) : gitFailed(`staging ${paths.map(showPath).join(" ")} (git add)`, r);
    let staged = await stagedPaths(git, idxEnv);
    if (staged.paths.length === 0)
      throw new LockstepError("BAD_INPUT", `nothing to commit: ${paths.map(showPath).join(" ")} ${paths.length > 1 ? "have" : "has"} no changes`, { hint: "check git status" });
    let classes = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: staged.paths });
    if (classes.otherTask.length || classes.outside.length) throw violationError(task, classes);
    fence = fenceValue(rt.root, handle.token);
    let parent = await headCommit(git) ?? "none";
    writeFileSync7(msgFile, (template.stdout.slice(0, at) + `${TRAILER_FENCE}: ${fence}` + template.stdout.slice(at + fenceLine.length)).replace(parentLine, `${TRAILER_PARENT}: ${parent}`), { flag: "wx" });
    let runCommit = () => spawnOwned("git", ["commit", "-q", "--cleanup=whitespace", "-F", msgFile], idxEnv, "pipe"), c = await runCommit();
    if (c.code !== 0 && clearStaleLockNamedIn(c.stderr, rt.repo.commonDir, rt.root, `lockstep commit --task ${taskId}`) && (c = await runCommit()), c.error || c.code !== 0) {
      let out = (c.stderr + c.stdout).trim();
      throw new LockstepError("GIT_FAILED", `git commit failed${c.signal ? ` (${c.signal})` : ""}: nothing committed${out ? `
${out}` : ""}`, { detail: { exitCode: c.code, stderr: c.stderr } });
    }
    beforeEdit = null;
    let made2 = splitNul(await git.exec(["diff-tree", "-r", "--root", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--no-textconv", "HEAD"], { readOnly: !0 })), commit2 = made2[0] ?? "", files = made2.slice(1), warnings = [], reset2 = await withIndexRetry(
      () => git.run(["--literal-pathspecs", "reset", "-q", commit2, "--pathspec-from-file=-", "--pathspec-file-nul"], { input: staged.paths.map((p) => `${p}\0`).join("") }),
      deadline(),
      staleIndexLock
    );
    reset2.code !== 0 && warnings.push({ kind: "index", paths: staged.paths, message: `committed, but the index could not be updated for these paths (${reset2.stderr.trim()}); run: git reset -q -- PATHS` });
    let fileSet = new Set(files), stagedSet = new Set(staged.paths), extra = files.filter((p) => !stagedSet.has(p)), missing = staged.paths.filter((p) => !fileSet.has(p));
    extra.length && warnings.push({ kind: "extra", paths: extra, message: "in the commit but not staged by lockstep commit" }), missing.length && warnings.push({ kind: "missing", paths: missing, message: "staged but not in the commit" });
    let after = classifyPaths({ task, others: listTasks({ runtime: rt }), shared: config.shared, paths: files });
    return after.outside.length && warnings.push({ kind: "outside", paths: after.outside, message: "outside the task's scope" }), after.otherTask.length && warnings.push({ kind: "other-task", paths: after.otherTask.map((o) => o.path), message: `inside another task's scope (${[...new Set(after.otherTask.map((o) => o.task))].join(", ")})` }), warnings.some((w) => w.kind !== "index") && appendEvent(rt.root, "git_commit_validation_warning", { commit: commit2, task: taskId, extra, missing, outside: after.outside, otherTask: after.otherTask, via: "lockstep commit" }), appendEvent(rt.root, "commit", { commit: commit2, task: taskId, token: handle.token, files: files.length }), { commit: commit2, fence: handle.token, task: taskId, files, shared: classes.shared, warnings, orphaned, waitedMs: handle.waitedMs };
  } catch (e) {
    throw failed = !0, beforeEdit && !(fence && await headFence(git) === fence) ? await undoEdit(e, { git, snapshot: beforeEdit, paths, orphaned, deadlineMs: deadline(), staleIndexLock }) : e;
  } finally {
    for (let [sig, h] of handlers) process.off(sig, h);
    unlinkQuiet(tmpIndex), unlinkQuiet(`${tmpIndex}.lock`), unlinkQuiet(msgFile);
    try {
      releaseLock(handle);
    } catch (e) {
      if (!failed) throw e;
    }
  }
}
async function undoEdit(e, o) {
  let report;
  try {
    report = await restorePaths(o.git, o.snapshot, o.paths, o.deadlineMs, o.staleIndexLock);
  } catch (err) {
    report = { restored: [], notRestored: o.paths.map((path) => ({ path, reason: err.message })) };
  }
  let said = describeRestore(report), aside = o.orphaned.filter((c) => c.savedTo || c.stagedSavedTo);
  return aside.length && (said += `${said ? "; " : ""}changes that were not this commit's had been moved aside before the edit: ${aside.map((c) => `${showPath(c.path)} to ${c.savedTo ?? c.stagedSavedTo}`).join(", ")}`), !(e instanceof LockstepError) || !said ? e : new LockstepError(e.code, `${e.message}; ${said}`, { hint: e.hint, detail: { ...e.detail, restored: report.restored, notRestored: report.notRestored, orphaned: o.orphaned }, cause: e });
}
async function headFence(git) {
  let r = await git.run(["log", "-1", `--format=%(trailers:key=${TRAILER_FENCE},valueonly)`], { readOnly: !0 });
  return r.code === 0 && r.stdout.trim() || null;
}
function sweepTmp(dir) {
  let names = [];
  try {
    names = readdirSync9(dir);
  } catch {
    return;
  }
  for (let n of names) {
    let m = /^index\.(\d+)\./.exec(n);
    m && Number(m[1]) !== process.pid && !pidExists(Number(m[1])) && unlinkQuiet(join20(dir, n));
  }
}
function isDirectory(p) {
  try {
    return statSync10(p).isDirectory();
  } catch {
    return !1;
  }
}
async function refuseSparseMissing(git, top, paths) {
  let missing = paths.filter((p) => !existsSync4(join20(top, p)));
  if (missing.length === 0) return;
  let r = await git.run(["--literal-pathspecs", "ls-files", "-t", "-z", "--", ...missing], { readOnly: !0 });
  if (r.code !== 0) return;
  let sparse = r.stdout.split("\0").filter((l) => l.startsWith("S ")).map((l) => l.slice(2));
  if (sparse.length)
    throw new LockstepError("BAD_INPUT", `${sparse.map(showPath).join(", ")} ${sparse.length > 1 ? "are" : "is"} outside the sparse checkout: lockstep commit would record ${sparse.length > 1 ? "their" : "its"} deletion`, {
      hint: "add it to the sparse checkout first (git sparse-checkout add DIR)"
    });
}

// src/queue/queue.ts
import { closeSync as closeSync5, constants as constants5, existsSync as existsSync5, ftruncateSync, linkSync as linkSync8, openSync as openSync4, readdirSync as readdirSync11, renameSync as renameSync7, statSync as statSync11, writeSync as writeSync4, copyFileSync as copyFileSync2 } from "node:fs";
import { isAbsolute as isAbsolute3, join as join22, resolve as resolve6 } from "node:path";

// src/queue/agents.ts
import { readdirSync as readdirSync10 } from "node:fs";
import { join as join21 } from "node:path";

// src/queue/names.ts
var ITEM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, QUEUE_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/, DEFAULT_QUEUE = "default";
function validateItemId(id) {
  if (typeof id != "string" || !ITEM_ID.test(id) || id.includes("..") || id.endsWith(".") || id.endsWith(".lock"))
    throw new LockstepError("BAD_NAME", `invalid item id ${quoteInput(id)}: use 1-128 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit (no '..', not ending in '.' or '.lock')`);
  return id;
}
function validateQueueName(name) {
  if (typeof name != "string" || !QUEUE_NAME.test(name))
    throw new LockstepError("BAD_NAME", `invalid queue name ${quoteInput(name)}: use 1-64 characters of a-z, 0-9, '_' or '-', starting with a letter or digit`);
  return name;
}
var MIN_PRIORITY = -1e6, MAX_PRIORITY = 1e6;
function validatePriority(p) {
  if (!Number.isSafeInteger(p) || p < MIN_PRIORITY || p > MAX_PRIORITY)
    throw new LockstepError("BAD_INPUT", `invalid priority ${quoteInput(p)}: use a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY} (higher is claimed first)`);
  return p;
}

// src/queue/agents.ts
var DEFAULT_AGENT_LEASE_MS = 6e4;
function agentsDir(rt) {
  return join21(rt.root, "agents");
}
function agentPath(rt, agent) {
  return join21(agentsDir(rt), `${agent}.json`);
}
function parseAgent(text) {
  try {
    let r = JSON.parse(text);
    return r && typeof r.agent == "string" && typeof r.renewedAtMs == "number" ? r : null;
  } catch {
    return null;
  }
}
function readAgent(rt, agent) {
  try {
    return parseAgent(readFileNoFollow(agentPath(rt, agent)));
  } catch {
    return null;
  }
}
function heartbeat(opts) {
  let agent = validateAgentId(opts.agent), rt = opts.runtime ?? openRuntime({ cwd: opts.cwd }), leaseMs = opts.leaseMs ?? DEFAULT_AGENT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  let pid = opts.ownerPid ?? process.pid, ident = identityOf(pid);
  if (ident.pidStart === null && pid !== process.pid)
    throw new LockstepError("BAD_INPUT", `owner pid ${pid} is not a running process`);
  ensureDirIn(rt.root, agentsDir(rt));
  let prev = readAgent(rt, agent), same = prev && prev.pid === pid && prev.pidStart === ident.pidStart && prev.host === ident.host, now = Date.now(), keep = (v, old) => v !== void 0 ? v : same ? old ?? null : null, rec = {
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
  return writeFileAtomic(agentPath(rt, agent), JSON.stringify(rec)), rec;
}
function listAgents(opts = {}) {
  let rt = opts.runtime ?? openRuntime({ cwd: opts.cwd }), names;
  if (!checkDirIn(rt.root, agentsDir(rt))) return [];
  try {
    names = readdirSync10(agentsDir(rt));
  } catch {
    return [];
  }
  let out = [];
  for (let n of names.sort())
    if (!(!n.endsWith(".json") || n.startsWith(".")))
      try {
        let r = parseAgent(readFileNoFollow(join21(agentsDir(rt), n)));
        r && out.push(r);
      } catch {
      }
  return out;
}
function agentLeaseEnd(rec) {
  return rec.renewedAtMs + rec.leaseMs;
}
function agentProcessAlive(rec, now = Date.now()) {
  let l = liveness(rec);
  return l.state === "remote" ? now <= agentLeaseEnd(rec) : l.state === "alive";
}
function removeAgentRecord(rt, agent) {
  let path = agentPath(rt, validateAgentId(agent));
  return checkDirIn(rt.root, agentsDir(rt)) && unlinkQuiet(path);
}

// src/queue/queue.ts
var DEFAULT_CLAIM_LEASE_MS = 6e4, DEFAULT_MAX_ATTEMPTS = 3, EMPTY_CLAIM_GRACE_MS = 5e3, made = /* @__PURE__ */ new Set();
function queueDirs(rt, queue) {
  let name = validateQueueName(queue ?? DEFAULT_QUEUE), dir = join22(rt.root, "queue", name), d = {
    root: rt.root,
    name,
    dir,
    items: join22(dir, "items"),
    payloads: join22(dir, "payloads"),
    pending: join22(dir, "pending"),
    claimed: join22(dir, "claimed"),
    resolved: join22(dir, "resolved"),
    done: join22(dir, "done"),
    failed: join22(dir, "failed")
  };
  if (!made.has(dir)) {
    for (let p of [d.items, d.payloads, d.pending, d.claimed, d.resolved, d.done, d.failed]) ensureDirIn(rt.root, p);
    made.add(dir);
  }
  return d;
}
function existingQueueDirs(rt, queue) {
  let name = validateQueueName(queue ?? DEFAULT_QUEUE);
  return existsSync5(join22(rt.root, "queue", name, "items")) ? queueDirs(rt, name) : null;
}
function listQueues(opts = {}) {
  let rt = opts.runtime ?? openRuntime({ cwd: opts.cwd });
  try {
    return readdirSync11(join22(rt.root, "queue")).filter((n) => /^[a-z0-9][a-z0-9_-]{0,63}$/.test(n) && existsSync5(join22(rt.root, "queue", n, "items"))).sort();
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
  let at = name.lastIndexOf("@");
  if (at < 26) return null;
  let generation = Number(name.slice(at + 1));
  return !Number.isSafeInteger(generation) || generation < 1 ? null : { name, id: name.slice(25, at), generation, priority: 1e6 - Number(name.slice(0, 7)) };
}
function parseClaimName(name) {
  if (name.startsWith(".")) return null;
  let at = name.lastIndexOf("@");
  if (at < 1) return null;
  let generation = Number(name.slice(at + 1));
  return !Number.isSafeInteger(generation) || generation < 1 ? null : { id: name.slice(0, at), generation };
}
var CLAIM_SPREAD = 16, SPREAD_FOR_MS = 1e3, claimStats = { won: 0, lost: 0, listings: 0 };
function nextCandidate(view) {
  let { names } = view, head = view.next;
  if (Date.now() - view.lostAt < SPREAD_FOR_MS) {
    let prio = names[head].slice(0, 7), span = 1;
    for (; span < CLAIM_SPREAD && head + span < names.length && names[head + span].startsWith(prio); ) span++;
    let j = head + Math.floor(Math.random() * span);
    [names[head], names[j]] = [names[j], names[head]];
  }
  return view.next++, names[head];
}
var views = /* @__PURE__ */ new Map();
function addedSignature(d) {
  try {
    let st = statSync11(join22(d.dir, "pending.added"));
    return `${st.ino}:${st.size}`;
  } catch {
    return "none";
  }
}
function noteNewPending(d) {
  try {
    let fd = openAppend(join22(d.dir, "pending.added"));
    try {
      writeSync4(fd, "+");
    } finally {
      closeSync5(fd);
    }
  } catch {
  }
}
function freshView(d) {
  let sig = addedSignature(d);
  claimStats.listings++;
  let view = { sig, names: listDir(d.pending).sort(), next: 0, lostAt: views.get(d.pending)?.lostAt ?? 0 };
  return views.set(d.pending, view), view;
}
var seqCounter = 0;
function nextSeq() {
  return seqCounter = (seqCounter + 1) % 1e3, `${String(Date.now()).padStart(13, "0")}${String(seqCounter).padStart(3, "0")}`;
}
function linkOutcome(src, dest) {
  try {
    return linkSync8(src, dest), "linked";
  } catch (e) {
    let code = e.code;
    if (code === "EEXIST") return "exists";
    if (code === "ENOENT") return "gone";
    throw fsError(e, "create", dest);
  }
}
function createEmpty(path) {
  try {
    return closeSync5(openSync4(path, "wx", 420)), !0;
  } catch (e) {
    if (e.code === "EEXIST") return !1;
    throw fsError(e, "create", path);
  }
}
function readJson(path) {
  try {
    return JSON.parse(readFileNoFollow(path));
  } catch {
    return null;
  }
}
function listDir(dir) {
  try {
    return readdirSync11(dir).filter((n) => !n.startsWith("."));
  } catch (e) {
    if (e.code === "ENOENT") return [];
    throw fsError(e, "read", dir);
  }
}
function removeDeadTemps(dir) {
  let names;
  try {
    names = readdirSync11(dir);
  } catch {
    return;
  }
  for (let n of names) {
    if (!n.startsWith(".tmp.")) continue;
    let pid = Number(n.split(".")[2]);
    Number.isInteger(pid) && pid !== process.pid && !pidExists(pid) && unlinkQuiet(join22(dir, n));
  }
}
function readItem(d, id) {
  return readJson(join22(d.items, `${id}.json`));
}
function readClaim(d, id, generation) {
  let r = readJson(join22(d.claimed, `${id}@${generation}`));
  return r && typeof r.agent == "string" ? { ...r, id, queue: d.name, generation } : null;
}
function readResolution(d, id, generation) {
  return readJson(join22(d.resolved, `${id}@${generation}`));
}
function resolve_(opts) {
  return opts.runtime ?? openRuntime({ cwd: opts.cwd });
}
function addItem(opts) {
  let id = validateItemId(opts.id), priority = validatePriority(opts.priority ?? 0), rt = resolve_(opts), d = queueDirs(rt, opts.queue), payloadTmp = null;
  if (opts.payloadFile !== void 0) {
    let src = isAbsolute3(opts.payloadFile) ? opts.payloadFile : resolve6(opts.cwd ?? process.cwd(), opts.payloadFile), st;
    try {
      st = statSync11(src);
    } catch {
      throw new LockstepError("BAD_INPUT", `payload file ${quoteInput(src)} does not exist`);
    }
    if (!st.isFile()) throw new LockstepError("BAD_INPUT", `payload ${quoteInput(src)} is not a regular file`);
    payloadTmp = join22(d.payloads, `.tmp.${process.pid}.${randomHex(6)}`);
    try {
      copyFileSync2(src, payloadTmp, constants5.COPYFILE_EXCL);
    } catch (e) {
      throw fsError(e, "copy payload", src);
    }
  }
  let now = Date.now(), item = {
    v: 1,
    id,
    queue: d.name,
    priority,
    payload: payloadTmp ? join22(d.payloads, id) : null,
    seq: nextSeq(),
    addedAt: new Date(now).toISOString(),
    addedAtMs: now
  }, tmp = writeTempIn(d.items, JSON.stringify(item));
  try {
    if (!tryLink(tmp, join22(d.items, `${id}.json`))) {
      payloadTmp && unlinkQuiet(payloadTmp);
      let existing = readItem(d, id);
      if (opts.ifAbsent && existing) return { added: !1, item: existing };
      throw new LockstepError("BAD_INPUT", `item ${id} already exists in queue ${d.name}${existing ? ` (added ${existing.addedAt})` : ""}`, {
        hint: `see it with: lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}; add it only if absent with --if-absent`
      });
    }
  } finally {
    unlinkQuiet(tmp);
  }
  return payloadTmp && renameSync7(payloadTmp, join22(d.payloads, id)), createEmpty(join22(d.pending, pendingName(item, 1))), noteNewPending(d), appendEvent(rt.root, "queue_add", { queue: d.name, item: id, priority }), { added: !0, item };
}
function snapshot(d, withItems) {
  let items = /* @__PURE__ */ new Map();
  if (withItems)
    for (let n of listDir(d.items)) {
      if (!n.endsWith(".json")) continue;
      let it = readJson(join22(d.items, n));
      it && items.set(it.id, it);
    }
  let done = new Set(listDir(d.done)), failed = new Set(listDir(d.failed)), resolvedSet = new Set(listDir(d.resolved)), pending = /* @__PURE__ */ new Map();
  for (let n of listDir(d.pending)) {
    let p = parsePending(n);
    !p || resolvedSet.has(`${p.id}@${p.generation}`) || pending.set(p.id, Math.max(pending.get(p.id) ?? 0, p.generation));
  }
  let claims = /* @__PURE__ */ new Map();
  for (let n of listDir(d.claimed)) {
    let c = parseClaimName(n);
    if (!c || resolvedSet.has(n)) continue;
    let list2 = claims.get(c.id) ?? [];
    list2.push({ generation: c.generation, name: n }), claims.set(c.id, list2);
  }
  return { items, pending, claims, resolvedSet, done, failed };
}
function queueCounts(opts = {}) {
  let rt = resolve_(opts), d = existingQueueDirs(rt, opts.queue), name = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  if (!d) return { queue: name, pending: 0, claimed: 0, done: 0, failed: 0 };
  let s = snapshot(d, !1), pending = 0, claimed = 0;
  for (let [id, g] of s.pending) {
    if (s.done.has(id) || s.failed.has(id)) continue;
    let c = s.claims.get(id);
    c && c.some((x) => x.generation >= g) || pending++;
  }
  for (let id of s.claims.keys()) !s.done.has(id) && !s.failed.has(id) && claimed++;
  return { queue: name, pending, claimed, done: s.done.size, failed: s.failed.size };
}
function listItems(opts = {}) {
  let rt = resolve_(opts), d = existingQueueDirs(rt, opts.queue);
  if (!d) return [];
  let s = snapshot(d, !0), out = [];
  for (let it of s.items.values()) {
    let view = {
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
    }, final = s.done.has(it.id) ? "done" : s.failed.has(it.id) ? "failed" : null;
    if (final) {
      let r = readJson(join22(final === "done" ? d.done : d.failed, it.id));
      view.state = final, r && (view.generation = r.generation, view.agent = r.agent, view.attempts = final === "done" ? r.generation - 1 : r.generation, view.lastReason = r.reason);
    } else {
      let claims = (s.claims.get(it.id) ?? []).sort((a, b) => b.generation - a.generation);
      if (claims[0]) {
        view.state = "claimed", view.generation = claims[0].generation;
        let live = readClaim(d, it.id, claims[0].generation);
        live && (view.agent = live.agent, view.claimedAt = live.claimedAt, view.leaseEndsAtMs = claimLeaseEnd(live, readAgent(rt, live.agent)));
      } else
        view.state = "pending", view.generation = s.pending.get(it.id) ?? 1;
      view.attempts = view.generation - 1, view.generation > 1 && (view.lastReason = readResolution(d, it.id, view.generation - 1)?.reason ?? null);
    }
    (!opts.state || opts.state === view.state) && out.push(view);
  }
  let order = { claimed: 0, pending: 1, failed: 2, done: 3 };
  return out.sort((a, b) => order[a.state] - order[b.state] || b.priority - a.priority || (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1));
}
function claimNext(opts) {
  let agent = validateAgentId(opts.agent), leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  let rt = resolve_(opts), d = queueDirs(rt, opts.queue), ownerPid = opts.ownerPid ?? process.pid, ident = ownerPid === process.pid ? ownIdentity() : identityOf(ownerPid);
  if (ident.pidStart === null && ownerPid !== process.pid) throw new LockstepError("BAD_INPUT", `owner pid ${ownerPid} is not a running process`);
  let view = views.get(d.pending);
  (!view || view.sig !== addedSignature(d)) && (view = freshView(d));
  for (let pass = 0; pass < 2; pass++)
    for (pass === 1 && (view = freshView(d)); view.next < view.names.length; ) {
      let name = nextCandidate(view), p = parsePending(name);
      if (!p) continue;
      let key = `${p.id}@${p.generation}`, target = join22(d.claimed, key), source = join22(d.pending, name), won = existsSync5(source) ? linkOutcome(source, target) : "gone";
      if (won !== "linked") {
        won === "exists" && unlinkQuiet(source), view.lostAt = Date.now(), claimStats.lost++;
        continue;
      }
      if (existsSync5(join22(d.resolved, key))) {
        unlinkQuiet(target), unlinkQuiet(source);
        continue;
      }
      let now = Date.now(), record = {
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
      if (!writeRecordInto(target, JSON.stringify(record)) || existsSync5(join22(d.resolved, key))) {
        unlinkQuiet(source), view.lostAt = Date.now();
        continue;
      }
      unlinkQuiet(source);
      let item = readItem(d, p.id);
      if (!item)
        throw new LockstepError("CORRUPT_STATE", `queue ${d.name} has a pending entry for ${p.id} but no item record ${join22(d.items, `${p.id}.json`)}`, {
          hint: `remove the claim: rm "${target}"`
        });
      return appendEvent(rt.root, "queue_claim", { queue: d.name, item: p.id, generation: p.generation, agent, owner: ownerPid }), claimStats.won++, { claimed: !0, item, generation: p.generation, claim: { ...record, id: p.id, queue: d.name, generation: p.generation } };
    }
  return { claimed: !1, queue: d.name };
}
function writeRecordInto(path, data) {
  let fd;
  try {
    fd = openSync4(path, UPDATE_NOFOLLOW);
  } catch (e) {
    if (e.code === "ENOENT") return !1;
    throw fsError(e, "write the claim record", path);
  }
  try {
    ftruncateSync(fd, 0), writeSync4(fd, data);
  } finally {
    closeSync5(fd);
  }
  return !0;
}
var own = null;
function ownIdentity() {
  return own ??= identityOf(process.pid), own;
}
function claimLeaseEnd(claim, agent) {
  let end = claim.claimedAtMs + claim.leaseMs;
  return agent && agent.agent === claim.agent && agent.pid === claim.pid && agent.pidStart === claim.pidStart && agent.host === claim.host && (end = Math.max(end, agent.renewedAtMs + agent.leaseMs)), end;
}
function liveClaim(d, id) {
  let prefix = `${id}@`, best = null;
  for (let n of listDir(d.claimed)) {
    if (!n.startsWith(prefix)) continue;
    let c = parseClaimName(n);
    if (!c || c.id !== id || existsSync5(join22(d.resolved, n))) continue;
    let rec = readClaim(d, id, c.generation);
    rec && (!best || rec.generation > best.generation) && (best = rec);
  }
  return best;
}
function describeEnd(r) {
  return `${r.outcome === "reclaimed" ? `reclaimed${r.reason ? ` (${r.reason})` : ""}` : r.outcome === "retry" ? "failed and was retried" : r.outcome === "done" ? `done by agent ${r.agent}` : `failed${r.reason ? ` (${r.reason})` : ""}`} at ${r.at}`;
}
function refuse2(d, id, agent, generation, why) {
  appendEvent(d.root, "queue_refused", { queue: d.name, item: id, agent, generation, why });
  let live = liveClaim(d, id), isDone = existsSync5(join22(d.done, id)), now = live ? `; it is now claim ${live.generation}, held by agent ${live.agent}` : isDone ? "; it is done" : "", list2 = `lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}`, hint = live || isDone || generation !== null ? `the work done under that claim must not count (another claim owns the item now); see it with: ${list2}` : `claim an item first (lockstep queue claim --agent ${agent}), or see the queue: ${list2}`;
  return new LockstepError("CONFLICT", `refused: ${why}${now}`, {
    hint,
    detail: { item: id, agent, generation, current: live?.generation ?? null, holder: live?.agent ?? null }
  });
}
function claimToFinish(d, id, agent, generation) {
  if (!existsSync5(join22(d.items, `${id}.json`)))
    throw new LockstepError("NOT_FOUND", `no item ${id} in queue ${d.name}`, { hint: `list the items: lockstep queue list${d.name === DEFAULT_QUEUE ? "" : ` --queue ${d.name}`}` });
  if (generation !== void 0) {
    if (!Number.isSafeInteger(generation) || generation < 1) throw new LockstepError("BAD_INPUT", `invalid generation ${generation}: generations are whole numbers from 1`);
    let ended = readResolution(d, id, generation);
    if (ended) throw refuse2(d, id, agent, generation, `claim ${generation} of ${id} already ended: ${describeEnd(ended)}`);
    let c = readClaim(d, id, generation);
    if (!c) throw refuse2(d, id, agent, generation, `${id} has no claim ${generation}`);
    if (c.agent !== agent) throw refuse2(d, id, agent, generation, `claim ${generation} of ${id} belongs to agent ${c.agent}, not ${agent}`);
    return c;
  }
  let live = liveClaim(d, id);
  if (!live) {
    let final = readJson(join22(d.done, id)) ?? readJson(join22(d.failed, id));
    throw refuse2(d, id, agent, null, final ? `${id} is not claimed: it was ${describeEnd(final)}` : `${id} is not claimed by anyone`);
  }
  if (live.agent !== agent) throw refuse2(d, id, agent, null, `${id} is claimed by agent ${live.agent} (claim ${live.generation}), not ${agent}`);
  return live;
}
function resolveClaim(d, c, outcome, next, reason) {
  let now = Date.now(), res = {
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
  }, tmp = writeTempIn(d.resolved, JSON.stringify(res));
  try {
    if (!tryLink(tmp, join22(d.resolved, `${c.id}@${c.generation}`))) return null;
  } finally {
    unlinkQuiet(tmp);
  }
  return carryOut(d, res), res;
}
function carryOut(d, res) {
  let key = `${res.id}@${res.generation}`, src = join22(d.resolved, key);
  if (res.next === "done") tryLink(src, join22(d.done, res.id), !0);
  else if (res.next === "failed") tryLink(src, join22(d.failed, res.id), !0);
  else if (!existsSync5(join22(d.done, res.id)) && !existsSync5(join22(d.failed, res.id)) && !existsSync5(join22(d.claimed, `${res.id}@${res.generation + 1}`))) {
    let item = readItem(d, res.id);
    item && createEmpty(join22(d.pending, pendingName(item, res.generation + 1))) && noteNewPending(d);
  }
  unlinkQuiet(join22(d.claimed, key));
}
function completeItem(opts) {
  let id = validateItemId(opts.id), agent = validateAgentId(opts.agent), rt = resolve_(opts), d = queueDirs(rt, opts.queue), c = claimToFinish(d, id, agent, opts.generation), res = resolveClaim(d, c, "done", "done", null);
  if (!res) {
    let ended = readResolution(d, id, c.generation);
    throw refuse2(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this completion: ${ended ? describeEnd(ended) : "ended"}`);
  }
  return appendEvent(rt.root, "queue_done", { queue: d.name, item: id, generation: c.generation, agent, heldMs: res.atMs - c.claimedAtMs }), { id, queue: d.name, generation: c.generation, agent, outcome: "done", next: "done" };
}
function failItem(opts) {
  let id = validateItemId(opts.id), agent = validateAgentId(opts.agent), max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError("BAD_INPUT", `invalid max attempts ${max}: use a whole number >= 1`);
  let rt = resolve_(opts), d = queueDirs(rt, opts.queue), c = claimToFinish(d, id, agent, opts.generation), retry = !!opts.retry && c.generation < max, reason = opts.reason?.trim() || "failed";
  opts.retry && !retry && (reason += ` (no attempts left: ${c.generation} of ${max} used)`);
  let res = resolveClaim(d, c, retry ? "retry" : "failed", retry ? "pending" : "failed", reason);
  if (!res) {
    let ended = readResolution(d, id, c.generation);
    throw refuse2(d, id, agent, c.generation, `claim ${c.generation} of ${id} ended before this failure report: ${ended ? describeEnd(ended) : "ended"}`);
  }
  return appendEvent(rt.root, "queue_fail", { queue: d.name, item: id, generation: c.generation, agent, retry, reason: res.reason }), { id, queue: d.name, generation: c.generation, agent, outcome: res.outcome, next: res.next };
}
function reclaim(opts = {}) {
  let max = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isSafeInteger(max) || max < 1) throw new LockstepError("BAD_INPUT", `invalid max attempts ${max}: use a whole number >= 1`);
  let rt = resolve_(opts), names = opts.queue !== void 0 ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt }), out = { reclaimed: [], finished: 0, repaired: [], held: 0 };
  for (let name of names) {
    let d = existingQueueDirs(rt, name);
    if (!d) continue;
    removeDeadTemps(d.claimed), removeDeadTemps(d.resolved), removeDeadTemps(d.items);
    let agents = /* @__PURE__ */ new Map();
    for (let n of listDir(d.claimed)) {
      let c = parseClaimName(n);
      if (!c) continue;
      let ended = readResolution(d, c.id, c.generation);
      if (ended) {
        carryOut(d, ended), out.finished++;
        continue;
      }
      let now = opts.now ?? Date.now(), claim = readClaim(d, c.id, c.generation);
      if (!claim) {
        let ctimeMs;
        try {
          ctimeMs = statSync11(join22(d.claimed, n)).ctimeMs;
        } catch {
          continue;
        }
        if (now - ctimeMs < EMPTY_CLAIM_GRACE_MS) {
          out.held++;
          continue;
        }
        claim = { v: 1, agent: "unknown", nonce: "", pid: 0, pidStart: null, bootId: null, host: hostId(), claimedAt: new Date(ctimeMs).toISOString(), claimedAtMs: ctimeMs, leaseMs: EMPTY_CLAIM_GRACE_MS, id: c.id, queue: d.name, generation: c.generation };
      }
      agents.has(claim.agent) || agents.set(claim.agent, readAgent(rt, claim.agent));
      let leaseEnd = claimLeaseEnd(claim, agents.get(claim.agent) ?? null), l = liveness(claim);
      if (now <= leaseEnd || l.state === "alive") {
        out.held++;
        continue;
      }
      let gone = claim.pid === 0 ? "its claimer stopped before writing its claim record" : l.state === "remote" ? `its owner on host ${claim.host} sent no heartbeat` : l.reason, reason = `abandoned by agent ${claim.agent}: lease ran out ${((now - leaseEnd) / 1e3).toFixed(1)} s ago and ${gone}`, next = c.generation >= max ? "failed" : "pending", res = resolveClaim(d, claim, "reclaimed", next, next === "failed" ? `${reason}; ${c.generation} of ${max} attempts used` : reason);
      res && (appendEvent(rt.root, "queue_reclaim", { queue: d.name, item: c.id, generation: c.generation, agent: claim.agent, next, reason: res.reason }), out.reclaimed.push({ queue: d.name, id: c.id, generation: c.generation, agent: claim.agent, reason: res.reason, next }));
    }
    out.repaired.push(...repairOrphans(d, opts.now ?? Date.now()));
  }
  return out;
}
function repairOrphans(d, now) {
  let seen = /* @__PURE__ */ new Set([...listDir(d.done), ...listDir(d.failed)]);
  for (let n of listDir(d.pending)) {
    let p = parsePending(n);
    p && seen.add(p.id);
  }
  for (let dir of [d.claimed, d.resolved])
    for (let n of listDir(dir)) {
      let c = parseClaimName(n);
      c && seen.add(c.id);
    }
  let out = [];
  for (let n of listDir(d.items)) {
    if (!n.endsWith(".json") || seen.has(n.slice(0, -5))) continue;
    let item = readItem(d, n.slice(0, -5));
    !item || now - item.addedAtMs < 6e4 || createEmpty(join22(d.pending, pendingName(item, 1))) && (noteNewPending(d), appendEvent(d.root, "queue_repair", { queue: d.name, item: item.id }), out.push(item.id));
  }
  return out;
}
function listClaims(opts = {}) {
  let rt = resolve_(opts), names = opts.queue !== void 0 ? [validateQueueName(opts.queue)] : listQueues({ runtime: rt }), out = [];
  for (let name of names) {
    let d = existingQueueDirs(rt, name);
    if (d)
      for (let n of listDir(d.claimed)) {
        let c = parseClaimName(n);
        if (!c || existsSync5(join22(d.resolved, n))) continue;
        let claim = readClaim(d, c.id, c.generation);
        if (!claim || opts.agent && claim.agent !== opts.agent) continue;
        let l = liveness(claim);
        out.push({ ...claim, leaseEndsAtMs: claimLeaseEnd(claim, readAgent(rt, claim.agent)), ownerAlive: l.state === "alive" });
      }
  }
  return out;
}

// src/worktree/worktree.ts
import { existsSync as existsSync7, readdirSync as readdirSync12, realpathSync as realpathSync5 } from "node:fs";
import { join as join24, resolve as resolve8 } from "node:path";

// src/worktree/copies.ts
import { cpSync, existsSync as existsSync6, lstatSync as lstatSync8, realpathSync as realpathSync4, rmSync as rmSync4 } from "node:fs";
import { dirname as dirname8, isAbsolute as isAbsolute4, join as join23, normalize, relative as relative4, sep as sep4 } from "node:path";
function validateCopies(sourceTop, paths) {
  let top = realpathSync4(sourceTop), out = [];
  for (let raw of paths) {
    if (typeof raw != "string" || raw.trim() === "" || raw.includes("\0")) throw new LockstepError("BAD_INPUT", `invalid copy path ${quoteInput(raw)}`);
    if (isAbsolute4(raw)) throw new LockstepError("BAD_INPUT", `copy path ${quoteInput(raw)} must be relative to the checkout (${sourceTop})`);
    let rel = normalize(raw).replace(/[\\/]+$/, ""), parts = rel.split(/[\\/]/);
    if (rel === "." || rel === "" || parts.includes("..")) throw new LockstepError("BAD_INPUT", `copy path ${quoteInput(raw)} must name something inside the checkout`);
    if (parts[0] === ".git") throw new LockstepError("BAD_INPUT", `copy path ${quoteInput(raw)} is inside .git: git's own files are never copied`);
    let abs = join23(top, rel);
    if (!existsSync6(abs)) throw new LockstepError("BAD_INPUT", `copy path ${quoteInput(rel)} does not exist in ${sourceTop}`);
    let real2 = realpathSync4(abs), within2 = relative4(top, real2);
    if (within2 === "" || within2.startsWith("..") || isAbsolute4(within2) || within2.split(sep4)[0] === ".git")
      throw new LockstepError("BAD_INPUT", `copy path ${quoteInput(rel)} resolves to ${quoteInput(real2)}, outside the checkout ${top}`);
    out.includes(rel) || out.push(rel);
  }
  return out;
}
function applyCopies(sourceTop, destTop, rels) {
  validateCopies(sourceTop, rels);
  for (let rel of rels) {
    let src = join23(sourceTop, rel), dest = join23(destTop, rel);
    ensureDirIn(destTop, dirname8(dest), { checkout: !0 });
    let st = lstatSync8(dest, { throwIfNoEntry: !1 });
    if (st?.isSymbolicLink()) throw unsafePathError(dest, `the destination of --copy ${rel} is a symbolic link (committed in the base branch?)`);
    try {
      st && rmSync4(dest, { recursive: !0, force: !0 }), cpSync(src, dest, { recursive: !0, verbatimSymlinks: !0, preserveTimestamps: !0, errorOnExist: !0, force: !1 });
    } catch (e) {
      throw fsError(e, `copy ${rel} into`, destTop);
    }
  }
}
function isCopied(path, rels) {
  for (let r of rels) {
    let rr = r.split(sep4).join("/");
    if (path === rr || path.startsWith(`${rr}/`)) return !0;
  }
  return !1;
}

// src/worktree/registry.ts
import { resolve as resolve7 } from "node:path";
function parseWorktreeList(out) {
  let list2 = [], cur = null;
  for (let field of out.split("\0")) {
    if (field === "") {
      cur && list2.push(cur), cur = null;
      continue;
    }
    let sp = field.indexOf(" "), key = sp < 0 ? field : field.slice(0, sp), value = sp < 0 ? "" : field.slice(sp + 1);
    key === "worktree" ? (cur && list2.push(cur), cur = { path: resolve7(value), head: null, branch: null, bare: !1, detached: !1, locked: null, prunable: null }) : cur && (key === "HEAD" ? cur.head = value : key === "branch" ? cur.branch = value : key === "bare" ? cur.bare = !0 : key === "detached" ? cur.detached = !0 : key === "locked" ? cur.locked = value : key === "prunable" && (cur.prunable = value));
  }
  return cur && list2.push(cur), list2;
}
async function listRegisteredWorktrees(git) {
  return parseWorktreeList(await git.exec(["worktree", "list", "--porcelain", "-z"], { readOnly: !0 }));
}

// src/worktree/repo-lock.ts
var REPO_LOCK = "repo", DEFAULT_REPO_LOCK_TIMEOUT_MS = 6e5;
async function withRepoLock(opts, fn) {
  return opts.unsafeUnserialized ? fn(null) : withLock(
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
  return join24(rt.root, "worktrees");
}
function manifestPath(rt, agent) {
  return join24(worktreesDir(rt), `${agent}.json`);
}
function agentBranch(agent) {
  return `lockstep/${agent}`;
}
function readManifest(rt, agent) {
  return readJsonFile(manifestPath(rt, agent), "worktree manifest") ?? null;
}
function listManifests(rt) {
  let names;
  if (!checkDirIn(rt.root, worktreesDir(rt))) return [];
  try {
    names = readdirSync12(worktreesDir(rt));
  } catch {
    return [];
  }
  let out = [];
  for (let n of names.sort())
    if (!(!n.endsWith(".json") || n.startsWith(".")))
      try {
        let m = readJsonFile(join24(worktreesDir(rt), n), "worktree manifest");
        m && out.push(m);
      } catch {
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
  let paths = git.repoPaths();
  if (!paths.topLevel) throw new LockstepError("BARE_REPO", `${git.cwd} has no checkout: agent worktrees are made from a checkout`);
  return paths.topLevel;
}
async function currentBranch(git) {
  let r = await git.run(["symbolic-ref", "--quiet", "--short", "HEAD"], { readOnly: !0 });
  if (r.code !== 0 || !r.stdout.trim())
    throw new LockstepError("BAD_INPUT", `HEAD is detached in ${git.cwd}: name the branch with --base BRANCH`);
  return r.stdout.trim();
}
async function branchCommit(git, branch) {
  if (typeof branch != "string" || branch === "" || branch.startsWith("-")) throw new LockstepError("BAD_NAME", `invalid branch name ${quoteInput(branch)}`);
  if ((await git.run(["check-ref-format", "--branch", branch], { readOnly: !0 })).code !== 0) throw new LockstepError("BAD_NAME", `invalid branch name ${quoteInput(branch)}`);
  let r = await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { readOnly: !0 });
  if (r.code !== 0) throw new LockstepError("NOT_FOUND", `no branch ${branch} in this repository`, { hint: "list branches with: git branch" });
  return r.stdout.trim();
}
async function tryCommit(git, ref) {
  let r = await git.run(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], { readOnly: !0 });
  return r.code === 0 ? r.stdout.trim() : null;
}
async function countUnmerged(git, base, head) {
  let r = await git.run(["rev-list", "--count", `${base}..${head}`], { readOnly: !0 });
  return r.code === 0 && Number(r.stdout.trim()) || 0;
}
async function baseRef(git, m) {
  return await tryCommit(git, `refs/heads/${m.base}`) ?? m.baseCommit;
}
async function dirtyPaths(wtGit, copies) {
  let r = await wtGit.run(["status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignore-submodules"], { readOnly: !0 });
  if (r.code !== 0) return [];
  let out = [], fields = r.stdout.split("\0");
  for (let i = 0; i < fields.length; i++) {
    let f = fields[i];
    if (f.length < 4) continue;
    let status = f.slice(0, 2), path = f.slice(3);
    (status[0] === "R" || status[0] === "C") && i++, isCopied(path, copies) || out.push(path);
  }
  return out;
}
async function hooksCheck(mainGit, wtGit, wtPath) {
  let main = resolve8(mainGit.cwd, (await mainGit.exec(["rev-parse", "--git-path", "hooks"], { readOnly: !0 })).trim()), inside = resolve8(wtPath, (await wtGit.exec(["rev-parse", "--git-path", "hooks"], { readOnly: !0 })).trim());
  return real(main) === real(inside) ? { path: inside, shared: !0, warning: null } : existsSync7(main) && !existsSync7(inside) ? { path: inside, shared: !1, warning: `core.hooksPath resolves to ${inside} in the worktree, which does not exist: commit the hooks directory, copy it with --copy, or make core.hooksPath absolute` } : { path: inside, shared: !1, warning: null };
}
function agentActivity(rt, agent, owner = null, now = Date.now()) {
  let reasons = [];
  for (let c of listClaims({ runtime: rt, agent }))
    c.ownerAlive ? reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) and its process ${c.pid} is running`) : c.leaseEndsAtMs > now && reasons.push(`it holds item ${c.id} of queue ${c.queue} (claim ${c.generation}) with ${((c.leaseEndsAtMs - now) / 1e3).toFixed(0)} s of lease left`);
  let rec = readAgent(rt, agent);
  return rec && rec.state !== "exited" && (agentProcessAlive(rec, now) ? reasons.push(`its process ${rec.pid} is running (last heartbeat ${((now - rec.renewedAtMs) / 1e3).toFixed(0)} s ago)`) : agentLeaseEnd(rec) > now && reasons.push(`its lease runs ${((agentLeaseEnd(rec) - now) / 1e3).toFixed(0)} s more`)), owner && liveness(owner).state === "alive" && reasons.push(`the worktree is held for process ${owner.pid}, which is running`), { active: reasons.length > 0, reasons };
}
async function addAgentWorktree(opts) {
  let agent = validateAgentId(opts.agent), cwd = opts.cwd ?? process.cwd(), rt = openRuntime({ cwd }), git = createGit(cwd), source = checkoutTop(git), base = opts.base ?? await currentBranch(git);
  await branchCommit(git, base);
  let copies = validateCopies(source, opts.copy ?? []), owner = null;
  if (opts.ownerPid !== void 0 && opts.ownerPid !== null) {
    let id = identityOf(opts.ownerPid);
    if (id.pidStart === null) throw new LockstepError("BAD_INPUT", `owner pid ${opts.ownerPid} is not a running process`);
    owner = { pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host };
  }
  let path = join24(worktreesDir(rt), agent), branch = agentBranch(agent);
  return ensureDirIn(rt.root, worktreesDir(rt)), { ...await withRepoLock({ runtime: rt, cwd, command: `worktree add ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    let existing = readManifest(rt, agent);
    if (existing)
      throw new LockstepError("CONFLICT", `agent ${agent} already has a worktree at ${existing.path} (created ${existing.createdAt})`, {
        hint: `use it, or remove it first: lockstep worktree remove ${agent}`
      });
    let registered = await listRegisteredWorktrees(git);
    if (registered.some((w) => real(w.path) === real(path)))
      throw new LockstepError("CONFLICT", `a half-built worktree for agent ${agent} is registered at ${path} (its creator stopped before finishing)`, {
        hint: "clean it up: lockstep worktree prune"
      });
    removeTreeIn(rt.root, path);
    let baseTip = await branchCommit(git, base), oldTip = await tryCommit(git, `refs/heads/${branch}`);
    if (oldTip) {
      let unmerged = await countUnmerged(git, baseTip, oldTip);
      if (unmerged > 0)
        throw new LockstepError("CONFLICT", `branch ${branch} has ${unmerged} commit(s) not merged into ${base}: not reusing it for a new worktree`, {
          hint: `merge it (lockstep merge ${branch} --into ${base}) or delete it (git branch -D ${branch})`
        });
      let holder = registered.find((w) => w.branch === `refs/heads/${branch}`);
      if (holder) throw new LockstepError("CONFLICT", `branch ${branch} is checked out at ${holder.path}`, { hint: "check out another branch there, or remove that worktree" });
    }
    let lockReason = `lockstep agent ${agent} (pid ${owner?.pid ?? process.pid}, base ${base}) since ${(/* @__PURE__ */ new Date()).toISOString()}`;
    await git.exec(["worktree", "add", "--quiet", "--lock", "--reason", lockReason, "-B", branch, path, baseTip]);
    try {
      applyCopies(source, path, copies);
      let now = Date.now(), manifest = {
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
      return writeFileAtomic(manifestPath(rt, agent), JSON.stringify(manifest, null, 2)), appendEvent(rt.root, "worktree_add", { agent, path, branch, base, baseCommit: baseTip, copies }), { agent, path, branch, base, baseCommit: baseTip, copies };
    } catch (e) {
      throw await git.run(["worktree", "unlock", path]), await git.run(["worktree", "remove", "--force", path]), oldTip || await git.run(["update-ref", "-d", `refs/heads/${branch}`]), e;
    }
  }), hooks: await hooksCheck(git, createGit(path), path) };
}
async function removeLocked(rt, git, m, force) {
  let present = existsSync7(m.path), wtGit = createGit(m.path), base = await baseRef(git, m), head = present ? await tryCommit(wtGit, "HEAD") ?? m.branch : m.branch, unmerged = await tryCommit(git, head) ? await countUnmerged(git, base, head) : 0, dirty = present ? await dirtyPaths(wtGit, m.copies) : [];
  if (!force) {
    let act = agentActivity(rt, m.agent, m.owner);
    if (act.active)
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${act.reasons.join("; ")}`, {
        hint: `wait for the agent to finish, or remove it anyway: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, reasons: act.reasons }
      });
    if (dirty.length)
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${dirty.length} uncommitted change(s) (${dirty.slice(0, 5).join(", ")}${dirty.length > 5 ? ", \u2026" : ""})`, {
        hint: `commit them in ${m.path}, or throw them away: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, dirty }
      });
    if (unmerged > 0)
      throw new LockstepError("CONFLICT", `not removing the worktree of agent ${m.agent}: ${unmerged} commit(s) on ${m.branch} are not merged into ${m.base}`, {
        hint: `merge them: lockstep merge ${m.branch} --into ${m.base}; or remove the worktree and keep the branch: lockstep worktree remove ${m.agent} --force`,
        detail: { agent: m.agent, unmerged }
      });
  }
  if (present) {
    await git.run(["worktree", "unlock", m.path]);
    let r = await git.run(["worktree", "remove", "--force", m.path]);
    if (r.code !== 0 && existsSync7(m.path))
      throw new LockstepError("GIT_FAILED", `git worktree remove ${m.path} failed: ${r.stderr.trim()}`);
  } else
    await git.run(["worktree", "prune"]);
  let branchDeleted = !1, tip = await tryCommit(git, `refs/heads/${m.branch}`);
  tip && await countUnmerged(git, base, tip) === 0 && (branchDeleted = (await git.run(["update-ref", "-d", `refs/heads/${m.branch}`, tip])).code === 0);
  let branchLeft = branchDeleted || !tip ? 0 : await countUnmerged(git, base, `refs/heads/${m.branch}`);
  return unlinkQuiet(manifestPath(rt, m.agent)), appendEvent(rt.root, "worktree_remove", { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmerged: branchLeft, discarded: dirty.length, force }), { agent: m.agent, path: m.path, branch: m.branch, branchDeleted, unmergedCommits: branchLeft, discarded: force ? dirty : [] };
}
async function removeAgentWorktree(opts) {
  let agent = validateAgentId(opts.agent), cwd = opts.cwd ?? process.cwd(), rt = openRuntime({ cwd }), git = createGit(cwd);
  return withRepoLock({ runtime: rt, cwd, command: `worktree remove ${agent}`, agent, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    let m = readManifest(rt, agent);
    if (!m) throw new LockstepError("NOT_FOUND", `agent ${agent} has no worktree`, { hint: "list them: lockstep worktree list" });
    return removeLocked(rt, git, m, !!opts.force);
  });
}
async function pruneWorktrees(opts = {}) {
  let cwd = opts.cwd ?? process.cwd(), rt = openRuntime({ cwd }), git = createGit(cwd), dryRun = !!opts.dryRun;
  return withRepoLock({ runtime: rt, cwd, command: "worktree prune", timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized }, async () => {
    let out = { removed: [], kept: [], halfBuilt: [], agentRecords: [], dryRun }, manifests = listManifests(rt);
    for (let m of manifests) {
      let act = agentActivity(rt, m.agent, m.owner);
      if (act.active) {
        out.kept.push({ agent: m.agent, path: m.path, reason: `agent is active: ${act.reasons.join("; ")}` });
        continue;
      }
      if (!opts.force && existsSync7(m.path)) {
        let dirty = await dirtyPaths(createGit(m.path), m.copies);
        if (dirty.length) {
          out.kept.push({ agent: m.agent, path: m.path, reason: `${dirty.length} uncommitted change(s): lockstep worktree remove ${m.agent} --force` });
          continue;
        }
      }
      dryRun ? out.removed.push({ agent: m.agent, path: m.path, branch: m.branch, branchDeleted: !1, unmergedCommits: 0, discarded: [] }) : out.removed.push(await removeLocked(rt, git, m, !0));
    }
    let known3 = new Set(manifests.map((m) => real(m.path))), dir = real(worktreesDir(rt)), registered = await listRegisteredWorktrees(git);
    for (let w of registered) {
      let p = real(w.path);
      !p.startsWith(`${dir}/`) || known3.has(p) || (out.halfBuilt.push(w.path), dryRun || (await git.run(["worktree", "unlock", w.path]), await git.run(["worktree", "remove", "--force", w.path])));
    }
    dryRun || await git.run(["worktree", "prune"]);
    let now = Date.now();
    for (let rec of listAgents({ runtime: rt }))
      readManifest(rt, rec.agent) || rec.state !== "exited" && (agentProcessAlive(rec, now) || agentLeaseEnd(rec) > now) || listClaims({ runtime: rt, agent: rec.agent }).length || (out.agentRecords.push(rec.agent), dryRun || removeAgentRecord(rt, rec.agent));
    return out;
  });
}
async function listAgentWorktrees(opts = {}) {
  let cwd = opts.cwd ?? process.cwd(), rt = openRuntime({ cwd }), registered = await listRegisteredWorktrees(createGit(cwd));
  return listManifests(rt).map((m) => {
    let reg = registered.find((w) => real(w.path) === real(m.path)), act = agentActivity(rt, m.agent, m.owner);
    return { ...m, exists: existsSync7(m.path), locked: reg?.locked ?? null, active: act.active, activity: act.reasons };
  });
}

// src/merge/merge.ts
import { spawn as spawn3 } from "node:child_process";
import { existsSync as existsSync8 } from "node:fs";
import { dirname as dirname9, join as join26 } from "node:path";
import { setTimeout as sleep3 } from "node:timers/promises";

// src/merge/merge-queue.ts
import { join as join25 } from "node:path";
function queueDir(rt) {
  return join25(rt.root, "merge", "queue");
}
function enqueueMerge(rt, fields) {
  ensureDirIn(rt.root, queueDir(rt));
  let id = identityOf(process.pid), now = Date.now(), entry = { v: 1, ...fields, pid: id.pid, pidStart: id.pidStart, bootId: id.bootId, host: id.host, enqueuedAtMs: now, state: "waiting", startedAtMs: null }, path = join25(queueDir(rt), `${String(now).padStart(13, "0")}-${process.pid}-${randomHex(3)}.json`);
  return writeFileAtomic(path, JSON.stringify(entry)), { path, entry };
}
function markMerging(path, entry) {
  entry.state = "merging", entry.startedAtMs = Date.now();
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
  let out = [];
  for (let [k, v] of Object.entries(t ?? {})) {
    if (!TRAILER_KEY.test(k)) throw new LockstepError("BAD_INPUT", `invalid trailer key ${quoteInput(k)}`);
    if (typeof v != "string" || /[\r\n]/.test(v) || v.trim() === "") throw new LockstepError("BAD_INPUT", `invalid value for trailer ${k}: one non-empty line`);
    out.push([k, v.trim()]);
  }
  return out;
}
function escapeRegex(s) {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}
async function tipOf(git, branch) {
  let r = await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${branch}^{commit}`], { readOnly: !0 });
  if (r.code !== 0) throw new LockstepError("NOT_FOUND", `branch ${branch} disappeared during the merge`);
  return r.stdout.trim();
}
async function isAncestor(git, a, b) {
  let r = await git.run(["merge-base", "--is-ancestor", a, b], { readOnly: !0 });
  if (r.code === 0) return !0;
  if (r.code === 1) return !1;
  throw new LockstepError("GIT_FAILED", `git merge-base --is-ancestor failed: ${r.stderr.trim()}`);
}
async function findMergeWithTrailer(git, base, key, value) {
  let r = await git.run(["log", "--first-parent", "--format=%H", "-n", "1", "--extended-regexp", `--grep=^${escapeRegex(key)}: ${escapeRegex(value)}$`, base], { readOnly: !0 });
  return (r.code === 0 ? r.stdout.trim() : "") || null;
}
var OUTPUT_TAIL = 16 * 1024;
function runCheck(command, cwd, env, timeoutMs) {
  return new Promise((resolveRun) => {
    let output = "", timedOut = !1, child;
    try {
      child = spawn3("sh", ["-c", command], { cwd, env, detached: !0, stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      resolveRun({ exitCode: 127, signal: null, timedOut: !1, output: spawnFailureMessage("sh", cwd, e) });
      return;
    }
    let take2 = (d) => {
      output += d.toString("utf8"), output.length > OUTPUT_TAIL * 2 && (output = output.slice(-OUTPUT_TAIL));
    };
    child.stdout.on("data", take2), child.stderr.on("data", take2);
    let timer = timeoutMs > 0 ? setTimeout(() => {
      timedOut = !0;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
      }
    }, timerDelay(timeoutMs)) : null;
    child.on("error", (e) => {
      timer && clearTimeout(timer), resolveRun({ exitCode: 127, signal: null, timedOut: !1, output: spawnFailureMessage("sh", cwd, e) });
    }), child.on("close", (code, signal) => {
      timer && clearTimeout(timer), resolveRun({ exitCode: code, signal, timedOut, output: output.slice(-OUTPUT_TAIL) });
    });
  });
}
function syncMarkerPath(rt) {
  return join26(rt.root, "merge", "syncing.json");
}
async function finishInterruptedSync(rt) {
  let path = syncMarkerPath(rt);
  if (!checkDirIn(rt.root, dirname9(path))) return;
  let m;
  try {
    m = JSON.parse(readFileNoFollow(path));
  } catch {
    return;
  }
  let unsynced = [];
  for (let co of m.checkouts) {
    if (!existsSync8(co)) continue;
    let cg = createGit(co), head = await cg.run(["rev-parse", "--verify", "--quiet", "HEAD"], { readOnly: !0 });
    if (head.code !== 0 || head.stdout.trim() !== m.commit) continue;
    let sync = () => cg.run(["read-tree", "-m", "-u", m.old, m.commit]), lock = (await cg.run(["rev-parse", "--path-format=absolute", "--git-path", "index.lock"], { readOnly: !0 })).stdout.trim(), stale = lock && rt.repo ? {
      commonDir: rt.repo.commonDir,
      lock,
      onCleared: async (l) => {
        recordClearedGitLock(rt.root, l, `lockstep merge (sync of ${co})`), await restoreDeadSyncFiles(cg, co, m);
      }
    } : void 0;
    (await withIndexRetry(sync, Date.now() + INDEX_LOCK_WAIT_MS, stale)).code !== 0 && unsynced.push(co);
  }
  appendEvent(rt.root, "merge_sync_recovered", { into: m.into, commit: m.commit, checkouts: m.checkouts, unsynced }), unlinkQuiet(path);
}
var INDEX_LOCK_WAIT_MS = 2e3;
async function restoreDeadSyncFiles(cg, top, m) {
  let changed = splitNul((await cg.run(["diff", "--name-only", "-z", "--no-renames", m.old, m.commit], { readOnly: !0 })).stdout);
  if (!changed.length) return;
  let target = blobsOf((await cg.run(["ls-tree", "-r", "-z", "--full-tree", m.commit, "--", ...changed], { readOnly: !0 })).stdout), indexed = blobsOf((await cg.run(["ls-files", "-s", "-z", "--", ...changed], { readOnly: !0 })).stdout), present = changed.filter((p) => existsSync8(join26(top, p)));
  if (!present.length) return;
  let hashed = await cg.run(["hash-object", "--stdin-paths"], { readOnly: !0, input: present.join(`
`) + `
` }), hashes = hashed.stdout.trim().split(`
`);
  if (hashed.code !== 0 || hashes.length !== present.length) return;
  let written = [];
  for (let [i, p] of present.entries())
    if (hashes[i] === target.get(p)) written.push(p);
    else if (hashes[i] !== indexed.get(p)) return;
  let back = written.filter((p) => indexed.has(p));
  back.length && await cg.run(["checkout-index", "-f", "-u", "-z", "--stdin"], { input: back.join("\0") + "\0" });
  for (let p of written) indexed.has(p) || unlinkQuiet(join26(top, p));
}
function blobsOf(listing) {
  let out = /* @__PURE__ */ new Map();
  for (let rec of splitNul(listing)) {
    let tab = rec.indexOf("	"), fields = rec.slice(0, tab).split(" "), oid = fields[1] === "blob" ? fields[2] : fields[1] === "commit" || fields[1] === "tree" ? void 0 : fields[1];
    oid && /^[0-9a-f]{40,64}$/.test(oid) && out.set(rec.slice(tab + 1), oid);
  }
  return out;
}
async function checkoutsOf(git, rt, into) {
  let scratch = join26(rt.root, "merge", "scratch");
  return (await listRegisteredWorktrees(git)).filter((w) => !w.bare && w.branch === `refs/heads/${into}` && !w.path.startsWith(scratch) && existsSync8(w.path)).map((w) => w.path);
}
async function mergeLocked(opts, rt, git, branch, into, h, started) {
  let trailers = validateTrailers(opts.trailers), maxAttempts = opts.maxAttempts ?? 10, waitedMs = h?.waitedMs ?? 0;
  await finishInterruptedSync(rt);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let old = await tipOf(git, into), tip = await tipOf(git, branch), common = { branch, into, branchTip: tip, waitedMs };
    if (await isAncestor(git, tip, old)) return { ...common, status: "up-to-date", commit: old, ms: Date.now() - started };
    if (opts.onceTrailer) {
      let found = await findMergeWithTrailer(git, old, opts.onceTrailer.key, opts.onceTrailer.value);
      if (found) return { ...common, status: "already-merged", commit: found, ms: Date.now() - started };
    }
    let mt = await git.run(["merge-tree", "--write-tree", "--name-only", "--no-messages", "-z", old, tip]), fields = mt.stdout.split("\0");
    if (mt.code === 1) {
      let files = [...new Set(fields.slice(1).filter((f) => f !== ""))];
      return { ...common, status: "conflict", base: old, files, ms: Date.now() - started };
    }
    if (mt.code !== 0)
      throw /usage: git merge-tree|unknown option|write-tree/.test(mt.stderr) ? new LockstepError("GIT_FAILED", `lockstep merge needs git 2.38 or newer (git merge-tree --write-tree): ${mt.stderr.trim().split(`
`)[0]}`, { hint: "upgrade git" }) : new LockstepError("GIT_FAILED", `git merge-tree ${old} ${tip} failed: ${mt.stderr.trim()}`);
    let tree = fields[0].trim(), subject = opts.message?.trim() || `Merge ${branch} into ${into}`, message = trailers.length ? `${subject}

${trailers.map(([k, v]) => `${k}: ${v}`).join(`
`)}
` : `${subject}
`, commit2 = (await git.exec(["commit-tree", tree, "-p", old, "-p", tip, "-F", "-"], { input: message })).trim(), checked2 = !1;
    if (opts.check) {
      let scratchRoot = join26(rt.root, "merge", "scratch");
      ensureDirIn(rt.root, scratchRoot);
      let scratch = join26(scratchRoot, `${process.pid}-${randomHex(4)}`);
      await git.exec(["worktree", "add", "--quiet", "--detach", scratch, commit2]);
      let run;
      try {
        let env = {
          ...process.env,
          LOCKSTEP_MERGE_BRANCH: branch,
          LOCKSTEP_MERGE_INTO: into,
          LOCKSTEP_MERGE_BASE: old,
          LOCKSTEP_MERGE_COMMIT: commit2
        };
        h && (env.LOCKSTEP_LOCK_TOKEN = tokenEnvFor(h)), run = await runCheck(opts.check, scratch, env, opts.checkTimeoutMs ?? 0);
      } finally {
        await git.run(["worktree", "remove", "--force", scratch]);
      }
      if (run.exitCode !== 0)
        return { ...common, status: "check-failed", base: old, commit: commit2, exitCode: run.exitCode, signal: run.signal, timedOut: run.timedOut, output: run.output, ms: Date.now() - started };
      checked2 = !0;
    }
    let checkouts = opts.syncCheckouts !== !1 ? await checkoutsOf(git, rt, into) : [];
    for (let path of checkouts) {
      let dry = await createGit(path).run(["read-tree", "-m", "-u", "-n", old, commit2]);
      if (dry.code !== 0) {
        let reason = dry.stderr.trim().split(`
`)[0] ?? "local changes";
        return { ...common, status: "blocked", base: old, checkout: path, reason, ms: Date.now() - started };
      }
    }
    checkouts.length && (ensureDirIn(rt.root, join26(rt.root, "merge")), writeFileAtomic(syncMarkerPath(rt), JSON.stringify({ into, old, commit: commit2, checkouts })));
    let pause = 0;
    pause > 0 && await sleep3(pause);
    let cas = opts.unsafeNoCas ? await git.run(["update-ref", "-m", `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit2]) : await git.run(["update-ref", "-m", `lockstep merge: ${branch} into ${into}`, `refs/heads/${into}`, commit2, old]);
    if (cas.code !== 0) {
      let now = (await git.run(["rev-parse", "--verify", "--quiet", `refs/heads/${into}`], { readOnly: !0 })).stdout.trim();
      if (unlinkQuiet(syncMarkerPath(rt)), now !== old) {
        appendEvent(rt.root, "merge_retry", { branch, into, expected: old, found: now, attempt });
        continue;
      }
      if (rt.repo && clearStaleLockNamedIn(cas.stderr, rt.repo.commonDir, rt.root, `lockstep merge ${branch} into ${into}`)) continue;
      throw new LockstepError("GIT_FAILED", `git update-ref refs/heads/${into} failed: ${cas.stderr.trim()}`);
    }
    let after = 0;
    after > 0 && await sleep3(after);
    let synced = [], unsynced = [];
    for (let path of checkouts) {
      let r = await createGit(path).run(["read-tree", "-m", "-u", old, commit2]);
      r.code === 0 ? synced.push(path) : unsynced.push({ path, reason: r.stderr.trim().split(`
`)[0] ?? `exit ${r.code}` });
    }
    checkouts.length && unlinkQuiet(syncMarkerPath(rt));
    let ms = Date.now() - started;
    return appendEvent(rt.root, "merge", { branch, into, status: "merged", commit: commit2, previous: old, branchTip: tip, attempts: attempt, waitedMs, ms, agent: opts.agent ?? null }), { ...common, status: "merged", commit: commit2, previous: old, attempts: attempt, checked: checked2, synced, unsynced, ms };
  }
  throw new LockstepError("CONFLICT", `${into} moved during each of ${maxAttempts} merge attempts of ${branch}: gave up`, {
    hint: `something commits to ${into} without lockstep's lock at a high rate; try again: lockstep merge ${branch} --into ${into}`
  });
}
async function mergeBranch(opts) {
  let cwd = opts.cwd ?? process.cwd(), rt = openRuntime({ cwd }), git = createGit(cwd), into = opts.into ?? await currentBranch(git), branch = opts.branch;
  if (await branchCommit(git, into), await branchCommit(git, branch), branch === into) throw new LockstepError("BAD_INPUT", `cannot merge ${branch} into itself`);
  if (opts.checkTimeoutMs !== void 0 && (!Number.isFinite(opts.checkTimeoutMs) || opts.checkTimeoutMs < 0)) throw new LockstepError("BAD_INPUT", `invalid check timeout ${opts.checkTimeoutMs}`);
  validateTrailers(opts.trailers);
  let started = Date.now(), entry = enqueueMerge(rt, { branch, into, agent: opts.agent == null ? null : validateAgentId(opts.agent) });
  try {
    let result = await withRepoLock(
      { runtime: rt, cwd, command: `merge ${branch} into ${into}`, agent: opts.agent, task: opts.task, timeoutMs: opts.timeoutMs, onWait: opts.onWait, unsafeUnserialized: opts.unsafeUnserialized },
      async (h) => (markMerging(entry.path, entry.entry), mergeLocked(opts, rt, git, branch, into, h, started))
    );
    return result.status !== "merged" && appendEvent(rt.root, result.status === "conflict" ? "merge_conflict" : "merge", {
      branch,
      into,
      status: result.status,
      ...result.status === "conflict" ? { files: result.files.slice(0, 50) } : {},
      ...result.status === "blocked" ? { checkout: result.checkout } : {},
      agent: opts.agent ?? null
    }), result;
  } finally {
    dequeueMerge(entry.path);
  }
}

// src/lint/lint.ts
import { relative as relative5, resolve as resolve9, isAbsolute as isAbsolute5 } from "node:path";

// src/core/shell-wrappers.ts
import { posix } from "node:path";
var RESERVED2 = /* @__PURE__ */ new Set(["if", "then", "elif", "else", "fi", "do", "done", "while", "until", "!", "{", "}", "esac", "coproc"]), NO_COMMAND = /* @__PURE__ */ new Set(["for", "select", "case"]), WRAPPERS = new Map(Object.entries({
  builtin: { valued: [] },
  chronic: { valued: [] },
  command: { valued: [] },
  doas: { valued: ["-u", "-C"] },
  env: { valued: ["-u", "--unset", "-C", "--chdir", "-S", "--split-string"], chdir: ["-C", "--chdir"], assignments: !0 },
  exec: { valued: ["-a"] },
  ionice: { valued: ["-c", "--class", "-n", "--classdata", "-p", "--pid"] },
  nice: { valued: ["-n", "--adjustment"] },
  nohup: { valued: [] },
  setsid: { valued: [] },
  stdbuf: { valued: ["-i", "--input", "-o", "--output", "-e", "--error"] },
  sudo: {
    valued: ["-u", "--user", "-g", "--group", "-h", "--host", "-p", "--prompt", "-C", "--close-from", "-D", "--chdir", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U", "--other-user"],
    chdir: ["-D", "--chdir"]
  },
  time: { valued: ["-f", "--format", "-o", "--output"] },
  timeout: { valued: ["-s", "--signal", "-k", "--kill-after"], operands: 1 },
  xargs: { valued: ["-a", "--arg-file", "-d", "--delimiter", "-E", "-I", "-L", "-n", "--max-args", "-P", "--max-procs", "-s", "--max-chars"] }
})), SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "zsh", "dash", "ksh", "mksh", "ash", "fish"]), ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
function commandName(word) {
  return word.slice(word.lastIndexOf("/") + 1);
}
function changeDir(cwd, target) {
  if (!(target === void 0 || target === "-"))
    return target === "" ? cwd : cwd === void 0 || /^[/~$]/.test(target) ? target : posix.join(cwd, target);
}
function plain(w, values) {
  return w !== void 0 && !w.quoted && (typeof values == "string" ? w.value === values : values.has(w.value));
}
function opensCase(words) {
  let n = words.length;
  return n >= 3 && plain(words[n - 1], "in") && plain(words[n - 3], "case") && words.slice(0, n - 3).every((w) => plain(w, RESERVED2));
}
function afterReserved(words) {
  let i = 0;
  for (; ; ) {
    let w = words[i];
    if (w === void 0 || plain(w, NO_COMMAND)) return -1;
    if (plain(w, "function")) i += 2;
    else if (plain(w, RESERVED2)) i++;
    else return i;
  }
}
function skipWrapper(args, i, spec) {
  let chdir, lookup = !1;
  for (; i < args.length; i++) {
    let a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    let long = a.startsWith("--"), name = long ? a.split("=", 1)[0] : a.slice(0, 2);
    if ((a === "-v" || a === "-V") && (lookup = !0), !spec.valued.includes(name)) continue;
    let value = (long ? a.includes("=") ? a.slice(name.length + 1) : void 0 : a.length > 2 ? a.slice(2) : void 0) ?? args[++i];
    spec.chdir?.includes(name) && (chdir = value);
  }
  for (; spec.assignments && i < args.length && ASSIGNMENT.test(args[i]); ) i++;
  return { i: i + (spec.operands ?? 0), chdir, lookup };
}
function stripWrappers(values, i, cwd) {
  for (; ; ) {
    let name = commandName(values[i] ?? ""), spec = WRAPPERS.get(name);
    if (!spec) return { i, cwd };
    let skipped = skipWrapper(values, i + 1, spec);
    if (name === "command" && skipped.lookup) return null;
    skipped.chdir !== void 0 && (cwd = changeDir(cwd, skipped.chdir)), i = skipped.i;
  }
}
function shellScript(words) {
  let c = !1, stdin = !1, i = 1;
  for (; i < words.length; i++) {
    let a = words[i].value;
    if (a === "--" || a === "-") {
      stdin = a === "-", i++;
      break;
    }
    if (a === "--rcfile" || a === "--init-file" || /^[-+][A-Za-z]*[oO]$/.test(a)) i++;
    else if (/^-[A-Za-z]+$/.test(a))
      c ||= a.includes("c"), stdin ||= a.includes("s");
    else if (!/^(--|\+)/.test(a)) break;
  }
  return c ? { script: words[i]?.expanded, stdin: !1 } : { stdin: stdin || i >= words.length };
}
function suScript(words) {
  let i = words.findIndex((w, k) => k > 0 && (w.value === "-c" || w.value === "--command"));
  return i > 0 ? words[i + 1]?.expanded : words.find((w) => w.value.startsWith("--command="))?.expanded.slice(10);
}
function afterCd(name, args, cwd) {
  if (name === "popd") return;
  let target = args.slice(1).find((a) => a !== "--" && !/^-[LPe@]+$/.test(a));
  return changeDir(cwd, target);
}
function resolveCommand(words, cwd) {
  let first = afterReserved(words), none = { argv: null, first: Math.max(first, 0), cwd, cwdAfter: cwd, stdinScript: !1 };
  if (first < 0) return none;
  let i = first;
  for (; i < words.length && ASSIGNMENT.test(words[i].raw); ) i++;
  if (i >= words.length) return none;
  let values = words.map((w) => w.value), run = stripWrappers(values, i, cwd);
  if (!run || run.i >= words.length) return none;
  let rest = words.slice(run.i), argv = values.slice(run.i), name = commandName(argv[0]), runCwd = run.cwd, resolved = { argv, first, cwd: runCwd, cwdAfter: cwd, stdinScript: !1 };
  if (name === "cd" || name === "pushd" || name === "popd") return { ...resolved, cwdAfter: afterCd(name, argv, runCwd) };
  if (name === "eval") return { ...resolved, script: rest.slice(1).map((w) => w.expanded).join(" ") };
  if (name === "su") return { ...resolved, script: suScript(rest) };
  if (!SHELLS.has(name)) return resolved;
  let s = shellScript(rest);
  return { ...resolved, script: s.script, stdinScript: s.stdin };
}

// src/core/shell-commands.ts
var MAX_DEPTH = 100, REPARSE_FACTOR = 16;
function parseCommands(command) {
  let run = { out: [], budget: REPARSE_FACTOR * command.length + 4096 };
  return new Parser(command, 0, void 0, run).parseList(!1), run.out;
}
var WordBuilder = class {
  value = "";
  expanded = "";
  quoted = !1;
  add(text) {
    this.value += text, this.expanded += text;
  }
  addQuoted(text) {
    this.quoted = !0, this.add(text);
  }
  /** A substitution this shell runs: kept as written in `value`, `_` in `expanded`. */
  addSubstitution(raw) {
    this.value += raw, this.expanded += "_";
  }
  word(raw) {
    return { value: this.value, expanded: this.expanded, quoted: this.quoted, raw };
  }
}, META = /* @__PURE__ */ new Set([" ", "	", "\r", `
`, ";", "&", "|", "(", ")", "<", ">"]), ARRAY_ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=$/, OPERATOR = /^(?:;;&|;;|;&|&&|\|\||\|&|[;&|])/, REDIRECTION = /^(?:&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)/, FUNCTION_PARENS = /\(\s*\)/y, PLAIN_RUN = /[^ \t\r\n;&|()<>\\'"$`]+/y, ANSI_C = new Map(Object.entries({ n: `
`, t: "	", r: "\r", a: "\x07", b: "\b", e: "\x1B", E: "\x1B", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "?": "?" })), Parser = class _Parser {
  constructor(src, depth, cwd, run) {
    this.src = src;
    this.depth = depth;
    this.cwd = cwd;
    this.run = run;
  }
  src;
  depth;
  cwd;
  run;
  pos = 0;
  /** Heredocs whose bodies start after the next newline. */
  heredocs = [];
  /** Reads a command list to the end of the text, or (`closing`) past the `)` that ends it. */
  parseList(closing) {
    let level = { cmd: this.fresh(), cases: [] };
    for (; this.pos < this.src.length; )
      if (this.step(level, closing)) return;
    this.endCommand(level);
  }
  fresh() {
    return { words: [], starts: [], start: -1, end: -1, heredocs: [] };
  }
  /** Reads one token (or a blank); true at the `)` that ends a closing list. */
  step(level, closing) {
    let c = this.src[this.pos], next = this.src[this.pos + 1];
    if (c === " " || c === "	" || c === "\r") this.pos++;
    else if (c === "\\" && next === `
`) this.pos += 2;
    else if (c === "#") this.skipComment();
    else if (c === `
`) this.newline(level);
    else if (c === ";" || c === "|" || c === "&" && next !== ">") this.operator(level);
    else if (c === "(") this.openParen(level);
    else {
      if (c === ")") return this.closeParen(level, closing);
      c === "<" || c === ">" || c === "&" ? this.redirection(level) : this.word(level);
    }
    return !1;
  }
  skipComment() {
    let nl = this.src.indexOf(`
`, this.pos);
    this.pos = nl < 0 ? this.src.length : nl;
  }
  newline(level) {
    this.endCommand(level), this.pos++, this.readHeredocBodies();
  }
  operator(level) {
    let op = OPERATOR.exec(this.src.slice(this.pos, this.pos + 3))[0];
    this.pos += op.length, this.endCommand(level), op.length > 1 && op.startsWith(";") && level.cases.at(-1) === "body" && (level.cases[level.cases.length - 1] = "pattern");
  }
  openParen(level) {
    if (this.src.startsWith("((", this.pos)) {
      this.pos += 2, this.readArithmetic(new WordBuilder());
      return;
    }
    if (level.cases.at(-1) === "pattern") {
      this.pos++;
      return;
    }
    if (FUNCTION_PARENS.lastIndex = this.pos, level.cmd.words.length > 0 && FUNCTION_PARENS.test(this.src)) {
      level.cmd = this.fresh(), this.pos = FUNCTION_PARENS.lastIndex;
      return;
    }
    this.endCommand(level), this.pos++, this.nested(() => this.parseList(!0));
  }
  closeParen(level, closing) {
    return this.pos++, level.cases.at(-1) === "pattern" ? (level.cases[level.cases.length - 1] = "body", !1) : (this.endCommand(level), closing);
  }
  redirection(level) {
    let start = this.pos;
    if (this.src[this.pos] !== "&" && this.src[this.pos + 1] === "(") {
      this.processSubstitution(level);
      return;
    }
    let op = REDIRECTION.exec(this.src.slice(this.pos, this.pos + 3))[0];
    for (this.pos += op.length; this.src[this.pos] === " " || this.src[this.pos] === "	"; ) this.pos++;
    let target = this.readWord();
    if (extend(level.cmd, start, this.pos), !!target) {
      if (op === "<<<") level.cmd.hereString = target.expanded;
      else if (op.startsWith("<<")) {
        let h = { delim: target.value, strip: op === "<<-", quoted: target.quoted, script: !1 };
        level.cmd.heredocs.push(h), this.heredocs.push(h);
      }
    }
  }
  /** `<(…)` / `>(…)`: runs its commands; stands as a word (a file name) in the command. */
  processSubstitution(level) {
    let start = this.pos;
    this.pos += 2, this.nested(() => this.parseList(!0));
    let raw = this.src.slice(start, this.pos);
    this.addWord(level, { value: raw, expanded: "_", quoted: !0, raw }, start);
  }
  word(level) {
    let start = this.pos, w = this.readWord();
    if (!w) {
      this.pos++;
      return;
    }
    /^[0-9]+$/.test(w.raw) && (this.src[this.pos] === "<" || this.src[this.pos] === ">") || this.addWord(level, w, start);
  }
  addWord(level, w, start) {
    let state = level.cases.at(-1), esac = !w.quoted && w.value === "esac";
    if (state === "pattern") {
      esac && level.cases.pop();
      return;
    }
    if (state === "body" && esac && level.cmd.words.length === 0) {
      level.cases.pop();
      return;
    }
    level.cmd.words.push(w), level.cmd.starts.push(start), extend(level.cmd, start, this.pos), opensCase(level.cmd.words) && (level.cmd = this.fresh(), level.cases.push("pattern"));
  }
  /** Resolves the command read so far, records what it runs and follows the code it runs from strings. */
  endCommand(level) {
    let cmd = level.cmd;
    if (level.cmd = this.fresh(), cmd.words.length === 0) return;
    let r = resolveCommand(cmd.words, this.cwd);
    this.cwd = r.cwdAfter;
    let text = this.src.slice(Math.max(cmd.start, cmd.starts[r.first] ?? -1), cmd.end);
    if (r.argv && this.run.out.push({ argv: r.argv, name: commandName(r.argv[0]), text, cwd: r.cwd }), r.script !== void 0 && this.parseOther(r.script, r.cwd), !!r.stdinScript) {
      for (let h of cmd.heredocs)
        h.script = !0, h.cwd = r.cwd;
      cmd.hereString !== void 0 && this.parseOther(cmd.hereString, r.cwd);
    }
  }
  /** Reads the commands of `( … )`, `$( … )` or `<( … )` in place, one level deeper; their `cd` stays inside. */
  nested(read) {
    if (this.depth >= MAX_DEPTH) {
      this.pos = skipBalanced(this.src, this.pos);
      return;
    }
    let cwd = this.cwd;
    this.depth++, read(), this.depth--, this.cwd = cwd;
  }
  /** Parses other text (a `sh -c` string, a backtick body, a heredoc script) as shell code one level deeper. */
  parseOther(text, cwd, expansionsOnly = !1) {
    if (this.depth >= MAX_DEPTH || text.length > this.run.budget) return;
    this.run.budget -= text.length;
    let p = new _Parser(text, this.depth + 1, cwd, this.run);
    expansionsOnly ? p.readDouble(new WordBuilder(), null) : p.parseList(!1);
  }
  /** One word, up to an unquoted metacharacter; null when there is none here. */
  readWord() {
    let start = this.pos, w = new WordBuilder();
    for (; this.pos < this.src.length; ) {
      let c = this.src[this.pos];
      if (META.has(c)) {
        if (c !== "(" || !ARRAY_ASSIGNMENT.test(this.src.slice(start, this.pos))) break;
        this.readArray(w);
      } else this.wordPart(w, c);
    }
    return this.pos === start ? null : w.word(this.src.slice(start, this.pos));
  }
  wordPart(w, c) {
    PLAIN_RUN.lastIndex = this.pos, PLAIN_RUN.test(this.src) ? (w.add(this.src.slice(this.pos, PLAIN_RUN.lastIndex)), this.pos = PLAIN_RUN.lastIndex) : c === "\\" ? this.escape(w) : c === "'" ? this.singleQuoted(w) : c === '"' ? (this.pos++, w.quoted = !0, this.readDouble(w, '"')) : c === "$" ? this.dollar(w, !1) : this.backtick(w, !1);
  }
  escape(w) {
    let n = this.src[this.pos + 1];
    this.pos = Math.min(this.pos + 2, this.src.length), n !== `
` && w.addQuoted(n ?? "");
  }
  singleQuoted(w) {
    let end = this.src.indexOf("'", this.pos + 1), stop = end < 0 ? this.src.length : end;
    w.addQuoted(this.src.slice(this.pos + 1, stop)), this.pos = Math.min(stop + 1, this.src.length);
  }
  /** Reads the inside of `"…"` (or `${…}`, or an unquoted heredoc body when `until` is null) and past `until`. */
  readDouble(w, until) {
    for (; this.pos < this.src.length; ) {
      let c = this.src[this.pos];
      if (c === until) {
        this.pos++;
        return;
      }
      c === "$" ? this.dollar(w, !0) : c === "`" ? this.backtick(w, !0) : c === "\\" ? this.escapeInDouble(w, until) : (w.add(c), this.pos++);
    }
  }
  escapeInDouble(w, until) {
    let n = this.src[this.pos + 1];
    n === `
` ? this.pos += 2 : n !== void 0 && (n === until || '$`"\\'.includes(n)) ? (w.add(n), this.pos += 2) : (w.add("\\"), this.pos++);
  }
  dollar(w, inDouble) {
    let n = this.src[this.pos + 1], start = this.pos;
    if (n === "(") {
      let arithmetic = this.src[this.pos + 2] === "(";
      this.pos += arithmetic ? 3 : 2, arithmetic ? this.readArithmetic(new WordBuilder()) : this.nested(() => this.parseList(!0)), w.addSubstitution(this.src.slice(start, this.pos));
    } else n === "{" ? (w.add("${"), this.pos += 2, this.readDouble(w, "}"), w.add("}")) : !inDouble && n === "'" ? (this.pos += 2, w.addQuoted(this.readAnsiC())) : !inDouble && n === '"' ? (this.pos += 2, w.quoted = !0, this.readDouble(w, '"')) : (w.add("$"), this.pos++);
  }
  /** The inside of `$'…'`, its escapes decoded. */
  readAnsiC() {
    let out = "";
    for (; this.pos < this.src.length && this.src[this.pos] !== "'"; ) {
      let c = this.src[this.pos], n = this.src[this.pos + 1] ?? "", code = /^(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3})/.exec(this.src.slice(this.pos + 1, this.pos + 4))?.[0];
      c !== "\\" ? (out += c, this.pos++) : ANSI_C.has(n) ? (out += ANSI_C.get(n), this.pos += 2) : code ? (out += String.fromCharCode(code.startsWith("x") ? parseInt(code.slice(1), 16) : parseInt(code, 8)), this.pos += 1 + code.length) : (out += c + n, this.pos += 2);
    }
    return this.pos = Math.min(this.pos + 1, this.src.length), out;
  }
  /** Past the `))` that closes an arithmetic expansion or command; its substitutions run. */
  readArithmetic(w) {
    let depth = 0;
    for (; this.pos < this.src.length; ) {
      let c = this.src[this.pos];
      if (c === "$") this.dollar(w, !0);
      else if (c === "`") this.backtick(w, !0);
      else if (this.pos += c === "\\" ? 2 : 1, c === "(") depth++;
      else if (c === ")" && depth-- === 0) {
        this.src[this.pos] === ")" && this.pos++;
        return;
      }
    }
  }
  /** `` `…` ``: its body (backslashes before `` ` ``, `$`, `\` removed) is parsed as code. */
  backtick(w, inDouble) {
    let start = this.pos, body = "";
    for (this.pos++; this.pos < this.src.length && this.src[this.pos] !== "`"; this.pos++) {
      let c = this.src[this.pos], n = this.src[this.pos + 1];
      c === "\\" && n !== void 0 ? (body += "$`\\".includes(n) || inDouble && n === '"' ? n : c + n, this.pos++) : body += c;
    }
    this.pos = Math.min(this.pos + 1, this.src.length), w.addSubstitution(this.src.slice(start, this.pos)), this.parseOther(body, this.cwd);
  }
  /** `name=(a b c)`: the array's words are part of the assignment word. */
  readArray(w) {
    let start = this.pos;
    for (this.pos++; this.pos < this.src.length && this.src[this.pos] !== ")"; )
      META.has(this.src[this.pos]) ? this.pos++ : this.readWord();
    this.pos = Math.min(this.pos + 1, this.src.length), w.add(this.src.slice(start, this.pos));
  }
  readHeredocBodies() {
    let pending = this.heredocs;
    this.heredocs = [];
    for (let h of pending) {
      let body = this.readHeredocBody(h);
      h.script ? this.parseOther(body, h.cwd) : h.quoted || this.parseOther(body, this.cwd, !0);
    }
  }
  /** The lines up to the delimiter line (or the end of the text); the position moves past the delimiter. */
  readHeredocBody(h) {
    let start = this.pos;
    for (; this.pos < this.src.length; ) {
      let nl = this.src.indexOf(`
`, this.pos), end = nl < 0 ? this.src.length : nl, line = this.src.slice(this.pos, end).replace(/\r$/, "");
      if (h.strip && (line = line.replace(/^\t+/, "")), line === h.delim) {
        let body = this.src.slice(start, this.pos);
        return this.pos = Math.min(end + 1, this.src.length), body;
      }
      this.pos = Math.min(end + 1, this.src.length);
    }
    return this.src.slice(start);
  }
};
function extend(cmd, start, end) {
  cmd.start < 0 && (cmd.start = start), cmd.end = end;
}
function skipBalanced(src, pos) {
  let open = ["("];
  for (; pos < src.length && open.length > 0; pos++) {
    let c = src[pos];
    if (c === "\\") pos++;
    else if (open[open.length - 1] === '"')
      c === '"' ? open.pop() : c === "$" && src[pos + 1] === "(" && (open.push("("), pos++);
    else if (c === "'") {
      let end = src.indexOf("'", pos + 1);
      pos = end < 0 ? src.length : end;
    } else c === '"' || c === "(" ? open.push(c) : c === ")" && open.pop();
  }
  return Math.min(pos, src.length);
}

// src/core/git-danger.ts
var DANGER_ADVICE = {
  "add-all": {
    reason: "stages every change in the worktree, other tasks' files included",
    instead: "stage exactly your own paths: lockstep commit --task ID -m MSG -- PATH\u2026 (or git add -- PATH\u2026)"
  },
  "commit-all": {
    reason: "commits every modified tracked file, other tasks' edits included",
    instead: "commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH\u2026 (or git commit -m MSG -- PATH\u2026)"
  },
  stash: {
    reason: "takes every uncommitted change out of the worktree (or puts one back), other tasks' edits included; the stash list is shared by every worktree",
    instead: "commit your own paths (lockstep commit --task ID -m MSG -- PATH\u2026) or save them aside: git diff -- PATH\u2026 > FILE"
  },
  "reset-hard": {
    reason: "discards every uncommitted change in the worktree, other tasks' edits included",
    instead: "undo only your own files: git restore --source=HEAD --staged --worktree -- PATH\u2026 (git reset --keep refuses to discard local changes)"
  },
  "checkout-all": {
    reason: "overwrites the uncommitted changes of every file it covers, other tasks' edits included",
    instead: "restore only your own files: git restore -- PATH\u2026; switch branches without -f (git switch BRANCH)"
  },
  "clean-force": {
    reason: "deletes every untracked file, the new files other tasks have not committed yet included",
    instead: "delete your own files by name: rm -- PATH\u2026 (git clean -n shows what would go)"
  },
  "remove-git-lock": {
    reason: "removes git's lock even while a git process holds it",
    instead: "lockstep git-locks --clear (removes only a lock file no live git process can hold)"
  }
};
function findDangerousGit(command) {
  let out = [];
  for (let c of parseCommands(command)) {
    let found = classifyCommand(c);
    found && out.push(found);
  }
  return out;
}
function classifyCommand(c) {
  let finding = (kind2, cwd) => cwd === void 0 ? { kind: kind2, text: c.text } : { kind: kind2, text: c.text, cwd };
  if (LOCK_REMOVERS.has(c.name)) return removesGitLock(c.name, c.argv) ? finding("remove-git-lock", c.cwd) : null;
  if (c.name !== "git") return null;
  let call = gitCall(c.argv, c.cwd), check = call && CHECKS.get(call.sub);
  if (!call || !check || call.args.some((a) => a === "-h" || a === "--help")) return null;
  let kind = check(call);
  return kind ? finding(kind, call.cwd) : null;
}
var GIT_LOCK = /(^|\/)(index|HEAD|ORIG_HEAD|FETCH_HEAD|MERGE_HEAD|packed-refs|config|shallow)\.lock$|(^|\/)\.git\/.*\.lock$|git-dir\)\/.*\.lock$|GIT_DIR\}?\/.*\.lock$/, LOCK_REMOVERS = /* @__PURE__ */ new Set(["rm", "unlink", "mv"]);
function removesGitLock(name, argv) {
  let operands = [], dashes = !1;
  for (let a of argv.slice(1))
    !dashes && a === "--" ? dashes = !0 : (dashes || !a.startsWith("-") || a === "-") && operands.push(a);
  return (name === "mv" ? operands.slice(0, -1) : operands).some((p) => GIT_LOCK.test(p));
}
var VALUED_GLOBALS = /* @__PURE__ */ new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--super-prefix", "--config-env"]);
function gitCall(argv, cwd) {
  let config = [];
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i];
    if (a === "-C") cwd = changeDir(cwd, argv[++i]);
    else if (a === "-c") config.push(argv[++i] ?? "");
    else if (VALUED_GLOBALS.has(a)) i++;
    else if (!a.startsWith("-")) return { sub: a, args: argv.slice(i + 1), cwd, config };
  }
  return null;
}
function parseOptions(args, spec) {
  let o = { flags: /* @__PURE__ */ new Set(), operands: [], dashes: !1 };
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    if (a === "--") {
      o.dashes = !0, o.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--")) {
      let name = a.split("=", 1)[0];
      o.flags.add(name), !a.includes("=") && spec.longValued?.includes(name) && i++;
    } else a.startsWith("-") && a.length > 1 ? i += readCluster(a, spec, o.flags) : o.operands.push(a);
  }
  return o;
}
function readCluster(a, spec, flags) {
  for (let k = 1; k < a.length; k++) {
    let ch = a[k];
    if (flags.add(`-${ch}`), spec.shortOptional?.includes(ch)) return 0;
    if (spec.shortValued?.includes(ch)) return k === a.length - 1 ? 1 : 0;
  }
  return 0;
}
function has(o, ...names) {
  return names.some((n) => o.flags.has(n));
}
var WHOLE_TREE = /* @__PURE__ */ new Set([".", "*", "./*", ":/", ":/:", ":/*", ":/.", "$(git rev-parse --show-toplevel)"]), TOP_MAGIC = /^:\([a-z,]*\btop\b[a-z,]*\)[.*]?$/, EXCLUDE = /^:(!|\^|\([a-z,]*\bexclude\b)/;
function wholeTree(paths) {
  let whole = (p) => {
    let s = p.replace(/(.)\/+$/, "$1");
    return WHOLE_TREE.has(p) || WHOLE_TREE.has(s) || TOP_MAGIC.test(s) || /^\.\.(\/\.\.)*$/.test(s);
  };
  return paths.some(whole) || paths.length > 0 && paths.every((p) => EXCLUDE.test(p));
}
var INTERACTIVE = ["-p", "--patch", "-i", "--interactive", "-e", "--edit", "--pathspec-from-file"], ADD = { longValued: ["--chmod", "--pathspec-from-file"] }, COMMIT = {
  shortValued: "mFcCt",
  shortOptional: "uS",
  longValued: ["--message", "--file", "--reuse-message", "--reedit-message", "--fixup", "--squash", "--author", "--date", "--template", "--cleanup", "--trailer", "--pathspec-from-file"]
}, CHECKOUT = { shortValued: "bB", longValued: ["--orphan", "--pathspec-from-file"] }, SWITCH = { shortValued: "cC", longValued: ["--create", "--force-create", "--orphan"] }, RESTORE = { shortValued: "s", longValued: ["--source", "--pathspec-from-file"] }, CLEAN = { shortValued: "e", longValued: ["--exclude"] }, RESET = { longValued: ["--pathspec-from-file"] };
function add(g) {
  let o = parseOptions(g.args, ADD);
  return has(o, "-n", "--dry-run", ...INTERACTIVE) ? null : wholeTree(o.operands) || o.operands.length === 0 && has(o, "-A", "--all", "-u", "--update", "--no-ignore-removal") ? "add-all" : null;
}
function commit(g) {
  let o = parseOptions(g.args, COMMIT);
  return has(o, "--dry-run") ? null : has(o, "-a", "--all") || wholeTree(o.operands) ? "commit-all" : null;
}
var READ_ONLY_STASH = /* @__PURE__ */ new Set(["list", "show", "create"]);
function stash(g) {
  let first = g.args[0];
  return first !== void 0 && READ_ONLY_STASH.has(first) ? null : "stash";
}
function reset(g) {
  return has(parseOptions(g.args, RESET), "--hard") ? "reset-hard" : null;
}
function checkout(g) {
  let o = parseOptions(g.args, CHECKOUT);
  return has(o, ...INTERACTIVE) ? null : wholeTree(o.operands) || has(o, "-f", "--force") && !o.dashes ? "checkout-all" : null;
}
function switchBranch(g) {
  return has(parseOptions(g.args, SWITCH), "-f", "--force", "--discard-changes") ? "checkout-all" : null;
}
function restore(g) {
  let o = parseOptions(g.args, RESTORE);
  return !has(o, ...INTERACTIVE) && wholeTree(o.operands) ? "checkout-all" : null;
}
function clean(g) {
  let o = parseOptions(g.args, CLEAN);
  return has(o, "-n", "--dry-run", "-i", "--interactive") ? null : (has(o, "-f", "--force") || g.config.some((c) => /^clean\.requireforce=(false|no|off|0)$/i.test(c))) && (o.operands.length === 0 || wholeTree(o.operands)) ? "clean-force" : null;
}
var CHECKS = /* @__PURE__ */ new Map([
  ["add", add],
  ["commit", commit],
  ["stash", stash],
  ["reset", reset],
  ["checkout", checkout],
  ["switch", switchBranch],
  ["restore", restore],
  ["clean", clean]
]);

// src/lint/rules/danger-hits.ts
function dangerHits(lines, kinds) {
  let hits = [];
  for (let l of lines)
    for (let f of findDangerousGit(l.code)) {
      if (!kinds.includes(f.kind)) continue;
      let shown = f.text.replace(/\s*\n\s*/g, " ");
      hits.push({ line: l.line, message: `\`${shown}\` ${DANGER_ADVICE[f.kind].reason}` });
    }
  return hits;
}

// src/lint/rules/git-add-all.ts
var gitAddAll = {
  id: "git-add-all",
  summary: "stages everything in the worktree, including files other tasks are editing",
  fix: "stage and commit exactly your own paths: lockstep commit --task ID -m MSG -- PATH\u2026",
  check: (lines) => dangerHits(lines, ["add-all", "commit-all"])
};

// src/lint/shell-text.ts
var IGNORE = /lockstep-lint:\s*ignore(?:\[([a-z0-9,\s-]+)\])?/;
function parseSuppress(comment) {
  let m = IGNORE.exec(comment);
  return m ? m[1] ? new Set(m[1].split(",").map((s) => s.trim()).filter(Boolean)) : "all" : null;
}
function mergeSuppress(a, b) {
  return a === "all" || b === "all" ? "all" : a ? b ? /* @__PURE__ */ new Set([...a, ...b]) : a : b;
}
function scan(text, open) {
  let code = "", quote = open, heredocs = [];
  for (let i = 0; i < text.length; i++) {
    let c = text[i];
    if (quote === "'") {
      code += c, c === "'" && (quote = null);
      continue;
    }
    if (c === "\\") {
      if (i === text.length - 1) return { code, comment: "", open: quote, continued: quote === null, heredocs };
      code += c + text[i + 1], i++;
      continue;
    }
    if (quote === '"') {
      code += c, c === '"' && (quote = null);
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c, code += c;
      continue;
    }
    if (c === "#") {
      let prev = i === 0 ? " " : text[i - 1];
      if (/[\s;&|()]/.test(prev)) return { code, comment: text.slice(i), open: null, continued: !1, heredocs };
    }
    if (c === "<" && text[i + 1] === "<" && text[i + 2] !== "<" && (i === 0 || text[i - 1] !== "<")) {
      let m = /^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z0-9_.-]+))/.exec(text.slice(i));
      m && heredocs.push({ delim: m[2] ?? m[3] ?? m[4], strip: m[1] === "-" });
    }
    code += c;
  }
  return { code, comment: "", open: quote, continued: !1, heredocs };
}
function toCodeLines(lines) {
  let out = [], pendingSuppress = null, i = 0;
  for (; i < lines.length; ) {
    let first = lines[i], s = scan(first.text, null), code = s.code, suppress = parseSuppress(s.comment), heredocs = [...s.heredocs];
    for (i++; (s.open || s.continued) && i < lines.length; ) {
      let next = lines[i], joinWith = s.open ? `
` : " ";
      s = scan(next.text, s.open), code += joinWith + s.code, suppress = mergeSuppress(suppress, parseSuppress(s.comment)), heredocs.push(...s.heredocs), i++;
    }
    for (let h of heredocs)
      for (; i < lines.length; ) {
        let t = lines[i].text;
        if (i++, (h.strip ? t.replace(/^\t+/, "") : t) === h.delim) break;
      }
    if (code.trim() === "") {
      suppress && (pendingSuppress = mergeSuppress(pendingSuppress, suppress));
      continue;
    }
    out.push({ line: first.line, code, masked: maskLiterals(code), suppress: mergeSuppress(suppress, pendingSuppress) }), pendingSuppress = null;
  }
  return out;
}
function wordsFrom(code, start) {
  let words = [], w = "", inWord = !1, i = start, push = () => {
    inWord && words.push(w), w = "", inWord = !1;
  };
  for (; i < code.length; i++) {
    let c = code[i];
    if (c === " " || c === "	") {
      push();
      continue;
    }
    if (c === ";" || c === "&" || c === "|" || c === ")" || c === `
`) break;
    if (inWord = !0, c === "'") {
      let j = code.indexOf("'", i + 1), end = j < 0 ? code.length : j;
      w += code.slice(i + 1, end), i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < code.length && code[j] !== '"'; j++)
        code[j] === "\\" ? j++ : code[j] === "$" && code[j + 1] === "(" && (j = skipParens(code, j + 1));
      w += code.slice(i + 1, Math.min(j, code.length)), i = j;
    } else if (c === "\\")
      w += code[i + 1] ?? "", i++;
    else if (c === "$" && code[i + 1] === "(") {
      let j = skipParens(code, i + 1);
      w += code.slice(i, j + 1), i = j;
    } else if (c === "`") {
      let j = code.indexOf("`", i + 1), end = j < 0 ? code.length - 1 : j;
      w += code.slice(i, end + 1), i = end;
    } else w += c;
  }
  return push(), { words, end: i };
}
function skipParens(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    let c = code[i];
    if (c === "\\")
      i++;
    else if (c === "'") {
      let j = code.indexOf("'", i + 1);
      i = j < 0 ? code.length : j;
    } else if (c === "(") depth++;
    else if (c === ")" && (depth--, depth === 0))
      return i;
  }
  return code.length;
}
function commandPositions(code, name) {
  let out = [], esc = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), re = new RegExp(`(^|[;&|({\`!\\n]|\\$\\(|\\b(?:then|do|else|time|exec|command|sudo|env|xargs)\\s)\\s*(?:[A-Za-z_][A-Za-z0-9_]*=\\S*\\s+)*${esc}(?=[\\s;&|)]|$)`, "g");
  for (let m = re.exec(code); m; m = re.exec(code))
    out.push(m.index + m[0].length), m[0].length === 0 && re.lastIndex++;
  return out;
}
function maskLiterals(code) {
  let out = code.split(""), i = 0, blank = (from, to) => {
    for (let k = from; k < to && k < out.length; k++) out[k] !== `
` && (out[k] = " ");
  };
  for (; i < code.length; ) {
    let c = code[i];
    if (c === "\\")
      i += 2;
    else if (c === "'") {
      let j = code.indexOf("'", i + 1), end = j < 0 ? code.length : j;
      blank(i + 1, end), i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < code.length && code[j] !== '"'; )
        if (code[j] === "\\")
          blank(j, j + 2), j += 2;
        else if (code[j] === "$" && code[j + 1] === "(")
          j = skipParens(code, j + 1) + 1;
        else if (code[j] === "`") {
          let k = code.indexOf("`", j + 1);
          j = (k < 0 ? code.length : k) + 1;
        } else
          blank(j, j + 1), j++;
      i = j + 1;
    } else i++;
  }
  return out.join("");
}

// src/lint/rules/newest-file-discovery.ts
var TAKE_ONE = /^\|\s*(?:(?:sort|grep|xargs|sed|awk|cut)\b[^|]*\|\s*)*(head|tail)\s+(?:-1\b|-n\s*\+?1\b|--lines[= ]1\b)/, BY_TIME = /(?:-printf\s+\S*%[TAC][@+]|\bstat\b[^|]*%[YZXW])[^|]*\|\s*sort\b[^|]*\|\s*(?:head|tail)\s+(?:-1\b|-n\s*1\b)/, HELPER = /(?:^|[\s;&|(`{]|\$\()([A-Za-z_][A-Za-z0-9_]*(?:latest|newest|most_recent)[A-Za-z0-9_]*)(?![A-Za-z0-9_=])/gi, newestFileDiscovery = {
  id: "newest-file-discovery",
  summary: "picking the newest file finds whichever concurrent instance wrote last, not this one",
  fix: "lockstep state discover PREFIX --owner KEY finds this instance's own state",
  check(lines) {
    let hits = [];
    for (let l of lines) {
      let found = null;
      for (let pos of commandPositions(l.masked, "ls")) {
        let { words, end } = wordsFrom(l.code, pos);
        words.some((w) => /^-[A-Za-z1]*t[A-Za-z1]*$/.test(w) || w === "--sort=time") && TAKE_ONE.test(l.masked.slice(end)) && (found = `\`ls ${words.filter((w) => w.startsWith("-")).join(" ")} \u2026 | ${TAKE_ONE.exec(l.masked.slice(end))[1]}\``);
      }
      if (!found && BY_TIME.test(l.code) && (found = "sorting files by time and taking one"), !found) {
        HELPER.lastIndex = 0;
        for (let m = HELPER.exec(l.masked); m; m = HELPER.exec(l.masked))
          if (/state|file|id|dir/i.test(m[1])) {
            found = `\`${m[1]}\``;
            break;
          }
      }
      found && hits.push({ line: l.line, message: `${found} picks the newest file: a concurrent instance's newer file wins` });
    }
    return hits;
  }
};

// src/lint/rules/remove-git-lock.ts
var removeGitLock = {
  id: "remove-git-lock",
  summary: "removes git's lock file whether or not a git process still works under it, breaking that operation",
  fix: "lockstep git-locks --clear (removes only a lock file no live git process can hold)",
  check: (lines) => dangerHits(lines, ["remove-git-lock"])
};

// src/lint/rules/second-precision-id.ts
var ID_NAME = /(^|_)id$|[a-z]Id$/i, NAME_CHAR = /[A-Za-z0-9_.-]/;
function enclosingSubstitution(code, at) {
  let before = code.slice(0, at).replace(/\s+$/, "");
  if (before.endsWith("$(")) {
    let open = before.length - 1;
    return [open - 1, skipParens(code, open)];
  }
  if (before.endsWith("`")) {
    let start = before.length - 1, end = code.indexOf("`", at);
    return [start, end < 0 ? code.length - 1 : end];
  }
  return null;
}
var secondPrecisionId = {
  id: "second-precision-id",
  summary: "an id built from a one-second clock collides when two instances start in the same second",
  fix: "use lockstep state init PREFIX (nanoseconds + pid + random), or at least $(date +%s%N)_$$",
  check(lines) {
    let hits = [];
    for (let l of lines)
      for (let pos of commandPositions(l.masked, "date")) {
        let { words } = wordsFrom(l.code, pos), format = words.find((w) => w.startsWith("+"));
        if (!format || !/%[sSTr]/.test(format) || /%\d*N/.test(format)) continue;
        let sub = enclosingSubstitution(l.code, pos - 4);
        if (!sub) continue;
        let [start, end] = sub, prev = l.code[start - 1] ?? "", next = l.code[end + 1] ?? "", assigned = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(l.code.slice(0, start)), glued = NAME_CHAR.test(prev) && prev !== "" || NAME_CHAR.test(next) && next !== "", idVar = assigned && ID_NAME.test(assigned[1]) ? assigned[1] : null;
        !glued && !idVar || hits.push({
          line: l.line,
          message: `\`date ${format}\` has one-second resolution${idVar ? ` but makes the id \`${idVar}\`` : " but makes part of a name"}: instances started in the same second collide`
        });
      }
    return hits;
  }
};

// src/lint/rules/singleton-state-file.ts
var DIRLIKE = /(DIR|ROOT|HOME|PWD|TMP|TEMP|BASE|PROJECT|REPO|WORKSPACE|CACHE|CONFIG|FOLDER|LOCATION)$/i, READERS = ["cat", "head", "tail", "source", ".", "jq", "cut", "sed", "awk", "grep", "readarray", "mapfile"], VAR_ONLY = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$/, PER_INSTANCE = /\$\$|\$\(|`|%\d*N|mktemp|\$\{?(?:RANDOM|BASHPID|PPID|SRANDOM)\b|\$\{?[0-9@*#?!]/;
function isFixedPath(value, perInstance = /* @__PURE__ */ new Set()) {
  if (!value.includes("/") && !/\.(txt|id|state|json|sh|env|pid|tmp|dat)$/.test(value) || value.startsWith("/dev/") || value.startsWith("/proc/") || PER_INSTANCE.test(value)) return !1;
  for (let m of value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) if (!DIRLIKE.test(m[1]) || perInstance.has(m[1])) return !1;
  return !0;
}
function targetKey(word, fixedVars, perInstance) {
  if (!word) return null;
  let v = VAR_ONLY.exec(word);
  return v ? fixedVars.has(v[1]) ? { key: `$${v[1]}`, label: `$${v[1]}` } : null : isFixedPath(word, perInstance) ? { key: word, label: word } : null;
}
var ASSIGN = /(?:^|[\s;&|])(?:export\s+|local\s+|readonly\s+|declare\s+(?:-\w+\s+)*)?([A-Za-z_][A-Za-z0-9_]*)=/g;
function assignments(lines) {
  let out = [];
  for (let l of lines)
    for (let m of l.masked.matchAll(ASSIGN)) out.push({ name: m[1], value: wordsFrom(l.code, m.index + m[0].length).words[0] ?? "" });
  return out;
}
function perInstanceVariables(assigned) {
  let vars = /* @__PURE__ */ new Set();
  for (let changed = !0; changed; ) {
    changed = !1;
    for (let a of assigned) {
      if (vars.has(a.name)) continue;
      let refs = [...a.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
      (PER_INSTANCE.test(a.value) || refs.some((r) => vars.has(r))) && (vars.add(a.name), changed = !0);
    }
  }
  return vars;
}
function fixedVariables(assigned, perInstance) {
  let vars = /* @__PURE__ */ new Map();
  for (let a of assigned) !perInstance.has(a.name) && isFixedPath(a.value, perInstance) && vars.set(a.name, a.value);
  return vars;
}
function lineList(lines) {
  let at = [...new Set(lines)].sort((a, b) => a - b);
  return `line${at.length > 1 ? "s" : ""} ${at.slice(0, 5).join(", ")}${at.length > 5 ? ", \u2026" : ""}`;
}
var singletonStateFile = {
  id: "singleton-state-file",
  summary: "one step writes an id to a fixed path and a later step reads it back; concurrent instances overwrite each other",
  fix: "lockstep state init PREFIX --owner KEY in the first step, lockstep state discover PREFIX --owner KEY in later ones",
  check(lines) {
    let assigned = assignments(lines), perInstance = perInstanceVariables(assigned), fixedVars = fixedVariables(assigned, perInstance), writes = [], reads = [], key = (w) => targetKey(w, fixedVars, perInstance);
    for (let l of lines) {
      let code = l.code;
      for (let m of l.masked.matchAll(/(^|[^<>&0-9])(?:&)?>>?\|?\s*/g)) {
        let t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        t && writes.push({ ...t, line: l.line });
      }
      for (let pos of commandPositions(l.masked, "tee")) {
        let t = key(wordsFrom(code, pos).words.find((w) => !w.startsWith("-")));
        t && writes.push({ ...t, line: l.line });
      }
      for (let m of l.masked.matchAll(/(^|[^<0-9])<\s*(?![<(])/g)) {
        let t = key(wordsFrom(code, m.index + m[0].length).words[0]);
        t && reads.push({ ...t, line: l.line });
      }
      for (let cmd of READERS)
        for (let pos of commandPositions(l.masked, cmd)) {
          let words = wordsFrom(code, pos).words;
          for (let i = 0; i < words.length; i++) {
            let w = words[i];
            if (/^\d*(?:[<>]{1,2}|&>>?)&?$/.test(w)) i++;
            else if (!w.startsWith("-") && !/^\d*[<>&]/.test(w)) {
              let t = key(w);
              t && reads.push({ ...t, line: l.line });
            }
          }
        }
    }
    let hits = [], keys = [...new Set(writes.map((w) => w.key))];
    for (let k of keys) {
      let ws = writes.filter((w) => w.key === k), writeLines = new Set(ws.map((w) => w.line)), back = reads.filter((r) => r.key === k && !writeLines.has(r.line));
      if (back.length === 0) continue;
      let first = ws[0], what = k.startsWith("$") ? `${first.label} (= ${fixedVars.get(k.slice(1))})` : first.label, also = writeLines.size > 1 ? ` (also written at ${lineList([...writeLines].filter((n) => n !== first.line))})` : "";
      hits.push({ line: first.line, message: `${what} is one fixed path for every instance: written here${also}, read back at ${lineList(back.map((r) => r.line))}; a concurrent instance overwrites it in between` });
    }
    return hits.sort((a, b) => a.line - b.line);
  }
};

// src/lint/rules/source-state-file.ts
var STATEISH = /state|workflow/i, LIBRARY = /(^|\/)lib\//, sourceStateFile = {
  id: "source-state-file",
  summary: "sourcing a state file executes whatever its values hold",
  fix: 'eval "$(lockstep state env ID)" \u2014 values come back as quoted exports and never run',
  check(lines) {
    let hits = [];
    for (let l of lines) {
      for (let cmd of ["source", "."])
        for (let pos of commandPositions(l.masked, cmd)) {
          let arg = wordsFrom(l.code, pos).words[0];
          !arg || arg.startsWith("<(") || !STATEISH.test(arg) || LIBRARY.test(arg) || hits.push({ line: l.line, message: `\`${cmd} ${arg}\` runs a state file as shell code: a value holding $(\u2026) or a backtick executes` });
        }
      for (let pos of commandPositions(l.masked, "eval")) {
        let text = wordsFrom(l.code, pos).words.join(" ");
        /\$\(\s*(?:cat\s|<)/.test(text) && STATEISH.test(text) && hits.push({ line: l.line, message: `\`eval ${text}\` runs a state file's content as shell code` });
      }
    }
    return hits;
  }
};

// src/lint/rules/index.ts
var RULES2 = [singletonStateFile, secondPrecisionId, sourceStateFile, gitAddAll, newestFileDiscovery, removeGitLock];

// src/lint/sources.ts
import { closeSync as closeSync6, lstatSync as lstatSync9, openSync as openSync5, readdirSync as readdirSync13, readFileSync as readFileSync10, readSync as readSync2, statSync as statSync12 } from "node:fs";
import { extname, join as join27 } from "node:path";
var SHELL_EXT = /* @__PURE__ */ new Set([".sh", ".bash", ".zsh", ".ksh"]), MARKDOWN_EXT = /* @__PURE__ */ new Set([".md", ".markdown", ".mdx"]), SHELL_FENCE = /* @__PURE__ */ new Set(["bash", "sh", "shell", "zsh", "ksh", "dash"]), SKIP_DIRS = /* @__PURE__ */ new Set(["node_modules", ".git"]);
function hasShellShebang(path) {
  let fd = null;
  try {
    fd = openSync5(path, "r");
    let buf = Buffer.alloc(128), n = readSync2(fd, buf, 0, 128, 0), first = buf.subarray(0, n).toString("utf8").split(`
`)[0] ?? "";
    return /^#!.*\b(ba|z|k|da)?sh\b/.test(first);
  } catch {
    return !1;
  } finally {
    fd !== null && closeSync6(fd);
  }
}
function kindInWalk(path, name) {
  let ext = extname(name).toLowerCase();
  return SHELL_EXT.has(ext) ? "shell" : MARKDOWN_EXT.has(ext) ? "markdown" : ext === "" && hasShellShebang(path) ? "shell" : null;
}
function collectSources(paths) {
  let out = [], walk = (dir) => {
    let names;
    try {
      names = readdirSync13(dir).sort();
    } catch (e) {
      throw fsError(e, "read directory", dir);
    }
    for (let name of names) {
      let p = join27(dir, name), st;
      try {
        st = lstatSync9(p);
      } catch {
        continue;
      }
      if (st.isDirectory())
        SKIP_DIRS.has(name) || walk(p);
      else if (st.isFile()) {
        let kind = kindInWalk(p, name);
        kind && out.push({ path: p, kind });
      }
    }
  };
  for (let p of paths) {
    let st;
    try {
      st = statSync12(p);
    } catch (e) {
      throw e.code === "ENOENT" ? new LockstepError("NOT_FOUND", `${quoteInput(p)} does not exist`, { hint: "lockstep lint [PATHS\u2026] takes files and directories" }) : fsError(e, "read", p);
    }
    st.isDirectory() ? walk(p) : out.push({ path: p, kind: MARKDOWN_EXT.has(extname(p).toLowerCase()) ? "markdown" : "shell" });
  }
  return out;
}
function markdownShellBlocks(text) {
  let lines = text.split(/\r?\n/), blocks = [], fence = null, cur = [];
  for (let i = 0; i < lines.length; i++) {
    let t = lines[i];
    if (!fence) {
      let m = /^( {0,3})(`{3,}|~{3,})\s*([^\s`{]*)?/.exec(t);
      if (m) {
        let info = (m[3] ?? "").toLowerCase().replace(/^\{?\.?/, "");
        fence = { char: m[2][0], len: m[2].length, shell: SHELL_FENCE.has(info), indent: m[1].length }, cur = [];
      }
      continue;
    }
    if (new RegExp(`^ {0,3}${fence.char === "`" ? "`" : "~"}{${fence.len},}\\s*$`).test(t)) {
      fence.shell && blocks.push(cur), fence = null;
      continue;
    }
    fence.shell && cur.push({ line: i + 1, text: fence.indent ? t.replace(new RegExp(`^ {0,${fence.indent}}`), "") : t });
  }
  return fence?.shell && blocks.push(cur), blocks;
}
function readSource(file) {
  let text;
  try {
    text = readFileSync10(file.path, "utf8");
  } catch (e) {
    throw fsError(e, "read", file.path);
  }
  return file.kind === "markdown" ? markdownShellBlocks(text) : [text.split(/\r?\n/).map((t, i) => ({ line: i + 1, text: t }))];
}

// src/lint/lint.ts
function suppressed(l, rule) {
  return l?.suppress ? l.suppress === "all" || l.suppress.has(rule) : !1;
}
function display(path, cwd) {
  let rel = relative5(cwd, path);
  return rel && !rel.startsWith("..") && !isAbsolute5(rel) ? rel : path;
}
function lintText(blocks, rules = RULES2) {
  let lines = blocks.flatMap((b) => toCodeLines(b)), byLine = new Map(lines.map((l) => [l.line, l])), out = [];
  for (let rule of rules)
    for (let hit of rule.check(lines))
      suppressed(byLine.get(hit.line), rule.id) || out.push({ line: hit.line, rule: rule.id, message: hit.message, fix: rule.fix });
  return out.sort((a, b) => a.line - b.line || RULES2.findIndex((r) => r.id === a.rule) - RULES2.findIndex((r) => r.id === b.rule));
}
function lintPaths(opts = {}) {
  let cwd = opts.cwd ?? process.cwd(), paths = (opts.paths?.length ? opts.paths : ["."]).map((p) => resolve9(cwd, p)), rules = opts.rules ? RULES2.filter((r) => opts.rules.includes(r.id)) : RULES2, files = collectSources(paths), findings = [];
  for (let f of files) {
    let shown = display(f.path, cwd);
    for (let h of lintText(readSource(f), rules)) findings.push({ file: shown, ...h });
  }
  return { ok: findings.length === 0, filesScanned: files.length, findings };
}

// src/git/config-files.ts
import { readFileSync as readFileSync11, realpathSync as realpathSync6, statSync as statSync13 } from "node:fs";
import { delimiter as delimiter2, dirname as dirname10, join as join28, resolve as resolve10 } from "node:path";
var CONFIG_ENV = ["GIT_DIR", "GIT_COMMON_DIR", "GIT_CONFIG", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM", "GIT_CONFIG_NOSYSTEM", "GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS"], INCLUDE = /^\s*\[\s*include/im;
function systemFiles(env) {
  let files = ["/etc/gitconfig"];
  for (let dir of (env.PATH ?? "").split(delimiter2))
    if (dir)
      try {
        if (statSync13(join28(dir, "git"), { throwIfNoEntry: !1 })?.isFile()) {
          files.push(join28(dirname10(resolve10(dir)), "etc", "gitconfig"));
          break;
        }
      } catch {
      }
  return files;
}
function gitConfigMayMention(cwd, word, env = process.env) {
  if (process.platform === "win32" || CONFIG_ENV.some((k) => env[k] !== void 0)) return !0;
  let files = systemFiles(env), home = env.HOME;
  home && files.push(join28(home, ".gitconfig"));
  let xdg = env.XDG_CONFIG_HOME || (home ? join28(home, ".config") : "");
  xdg && files.push(join28(xdg, "git", "config"));
  let real2;
  try {
    real2 = realpathSync6.native(cwd);
  } catch {
    return !0;
  }
  let checkout2 = findCheckout(real2);
  checkout2 && files.push(join28(checkout2.commonDir, "config"), join28(checkout2.gitDir, "config.worktree"));
  let needle = word.toLowerCase();
  for (let f of files) {
    let text;
    try {
      text = readFileSync11(f, "utf8");
    } catch (e) {
      if (e.code === "ENOENT" || e.code === "ENOTDIR") continue;
      return !0;
    }
    if (INCLUDE.test(text) || text.toLowerCase().includes(needle)) return !0;
  }
  return !1;
}

// src/remote/refs.ts
import { createHash } from "node:crypto";
var DEFAULT_REMOTE = "origin", REF_ROOT = "refs/lockstep/", lockRef = (name) => `refs/lockstep/locks/${name}`, fenceRef = (name) => `refs/lockstep/fence/${name}`, allocPrefix = (rootHash2) => `refs/lockstep/alloc/${rootHash2}/`, allocHeadRef = (rootHash2) => `${allocPrefix(rootHash2)}head`, allocNumberRef = (rootHash2, n) => `${allocPrefix(rootHash2)}${n}`, claimPrefix = (queue) => `refs/lockstep/claims/${queue}/`, claimRef = (queue, item) => `${claimPrefix(queue)}${item}`;
function refSafe(name, what) {
  if (name.includes("..") || name.endsWith(".") || name.endsWith(".lock"))
    throw new LockstepError("BAD_NAME", `invalid ${what} ${quoteInput(name)} for the remote backend: git ref names may not contain "..", end with "." or end with ".lock"`, {
      hint: `pick another ${what}, e.g. ${JSON.stringify(name.replace(/\.\.+/g, ".").replace(/\.lock$/, "-lock").replace(/\.$/, ""))}`
    });
  return name;
}
function validateRemoteLockName(name) {
  return refSafe(validateLockName(name), "lock name");
}
function validateRemoteName(name) {
  if (typeof name != "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name) || name.includes("..") || name.endsWith(".lock"))
    throw new LockstepError("BAD_NAME", `invalid git remote name ${quoteInput(name)}`, { hint: "list the remotes of this clone: git remote -v" });
  return name;
}
function rootHash(relativeRoot2) {
  return createHash("sha256").update(`lockstep-alloc-root\0${relativeRoot2}`).digest("hex").slice(0, 16);
}

// src/remote/backend.ts
var BACKEND_ENV = "LOCKSTEP_BACKEND", BACKEND_CONFIG = "lockstep.backend", BACKEND_HELP = `file (default) or remote[:NAME] to coordinate through the git remote NAME (default ${DEFAULT_REMOTE}); default from $${BACKEND_ENV} or git config ${BACKEND_CONFIG}`;
function parseBackend(spec, source = "--backend") {
  let s = spec.trim();
  if (s === "file") return { kind: "file" };
  if (s === "remote") return { kind: "remote", remote: DEFAULT_REMOTE };
  if (s.startsWith("remote:")) {
    let name = s.slice(7);
    try {
      return { kind: "remote", remote: validateRemoteName(name) };
    } catch (e) {
      throw new LockstepError("BAD_INPUT", `${source}: ${e.message}`, { hint: "list the remotes of this clone: git remote -v" });
    }
  }
  throw new LockstepError("BAD_INPUT", `${source} takes "file", "remote" or "remote:NAME", not ${quoteInput(spec)}`);
}
function selectBackend(opts = {}) {
  if (opts.flag !== void 0) return parseBackend(opts.flag, "--backend");
  let fromEnv = (opts.env ?? process.env)[BACKEND_ENV];
  if (fromEnv) return parseBackend(fromEnv, BACKEND_ENV);
  let cwd = opts.cwd ?? process.cwd();
  if (!gitConfigMayMention(cwd, "lockstep")) return { kind: "file" };
  let r = createGit(cwd).runSync(["config", "--get", BACKEND_CONFIG], { readOnly: !0 });
  return r.code === 0 && r.stdout.trim() ? parseBackend(r.stdout.trim(), `git config ${BACKEND_CONFIG}`) : { kind: "file" };
}

// src/remote/lock.ts
import { dirname as dirname11, join as join31 } from "node:path";
import { setTimeout as sleep4 } from "node:timers/promises";

// src/remote/observations.ts
import { createHash as createHash2 } from "node:crypto";
import { join as join29 } from "node:path";
function monoNowMs() {
  return Number(process.hrtime.bigint() / 1000000n);
}
function leaseGraceMs(leaseMs) {
  return Math.max(500, Math.ceil(leaseMs / 50));
}
var Observer = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.dir = join29(ctx.runtime.root, "remote", ctx.remote, "seen");
  }
  ctx;
  dir;
  memory = /* @__PURE__ */ new Map();
  file(ref) {
    return join29(this.dir, `${createHash2("sha256").update(`${this.ctx.url}\0${ref}`).digest("hex").slice(0, 32)}.json`);
  }
  /** The monotonic time this machine first saw `ref` at `oid` (now, if this is the first time). */
  firstSeen(ref, oid) {
    let now = monoNowMs(), mem = this.memory.get(ref), earliest = mem && mem.oid === oid ? mem.mono : now, boot = bootId(), stored;
    try {
      stored = checkDirIn(this.ctx.runtime.root, this.dir) ? readJsonFile(this.file(ref), "remote sighting") : void 0;
    } catch (e) {
      if (isLockstepError(e) && e.code === "UNSAFE_PATH") throw e;
      stored = void 0;
    }
    if (stored && stored.oid === oid && stored.boot === boot && stored.ref === ref && Number.isFinite(stored.mono) && stored.mono <= now)
      earliest = Math.min(earliest, stored.mono);
    else
      try {
        ensureDirIn(this.ctx.runtime.root, this.dir), writeFileAtomic(this.file(ref), JSON.stringify({ ref, oid, mono: earliest, boot }));
      } catch (e) {
        if (isLockstepError(e) && e.code === "UNSAFE_PATH") throw e;
      }
    return this.memory.set(ref, { oid, mono: earliest }), earliest;
  }
};
function judgeLease(holder, firstSeenMono, nowMono = monoNowMs()) {
  let leaseMs = holder && Number.isFinite(holder.leaseMs) && holder.leaseMs >= 0 ? holder.leaseMs : DEFAULT_FOREIGN_LEASE_MS;
  if (holder && holder.host === hostId()) {
    let l = liveness(holder);
    if (l.state === "dead") return { expired: !0, reason: `${l.reason} (same host)` };
  }
  let needed = leaseMs + leaseGraceMs(leaseMs), seen = nowMono - firstSeenMono;
  return seen >= needed ? { expired: !0, reason: `lease of ${fmtS(leaseMs)} ran out: unchanged for ${fmtS(seen)} as seen from host ${hostId()}` } : { expired: !1, remainingMs: needed - seen, reason: `lease of ${fmtS(leaseMs)}: seen unchanged for ${fmtS(seen)} here` };
}
var DEFAULT_FOREIGN_LEASE_MS = 12e4;
function fmtS(ms) {
  return `${(ms / 1e3).toFixed(1)} s`;
}

// src/remote/transport.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync9, linkSync as linkSync9, unlinkSync as unlinkSync5, writeFileSync as writeFileSync8 } from "node:fs";
import { join as join30 } from "node:path";
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
function unreachableError(remote, url, what, stderr, timedOut = !1) {
  let said = firstFatal(stderr), reason = timedOut ? "it did not answer in time" : said || "git could not talk to it";
  return new LockstepError("REMOTE_UNREACHABLE", `the git remote ${remote} (${url}) is unreachable while trying to ${what}: ${reason}; nothing was changed by this call`, {
    hint: `check the remote: git ls-remote ${remote}; or run without the remote backend (--backend file) on a single machine`,
    detail: { remote, url, stderr: stderr.trim().slice(0, 2e3), timedOut }
  });
}
function ambiguousPushError(remote, url, what, stderr, timedOut) {
  let e = unreachableError(remote, url, what, stderr, timedOut);
  return new LockstepError("REMOTE_UNREACHABLE", e.message.replace("nothing was changed by this call", "the connection broke while pushing: if the server applied it, the ref expires by its lease (locks, claims) or leaves a gap (allocation), never a duplicate"), {
    hint: e.hint,
    detail: e.detail
  });
}
function refusedError(remote, url, refs, reason, stderr) {
  let remoteSaid = stderr.split(`
`).filter((l) => l.startsWith("remote:")).map((l) => l.replace(/^remote:\s*/, "").trim()).filter(Boolean).join(" / ");
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
  return (stderr.split(`
`).find((l) => /^(fatal|error):/.test(l.trim())) ?? stderr.split(`
`).find((l) => l.trim()) ?? "").trim().replace(/^(fatal|error):\s*/, "");
}
function classifyPushSummary(flag, summary) {
  if (flag !== "!") return "ok";
  let s = summary.toLowerCase();
  return /stale info|fetch first|non-fast-forward|already exists|atomic push failed|atomic transaction failed|failed to update ref|failed to lock|cannot lock ref|incorrect old value|expected|failed to delete/.test(s) ? "conflict" : "refused";
}

// src/remote/transport.ts
var DEFAULT_NETWORK_TIMEOUT_MS = 3e4, QUIET = ["-c", "gc.auto=0", "-c", "maintenance.auto=false", "-c", "fetch.writeCommitGraph=false"], contexts = /* @__PURE__ */ new Map();
function openRemote(opts = {}) {
  let cwd = opts.cwd ?? process.cwd(), remote = validateRemoteName(opts.remote ?? DEFAULT_REMOTE), networkTimeoutMs = opts.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS, key = `${cwd}\0${remote}\0${networkTimeoutMs}`, hit = contexts.get(key);
  if (hit) return hit;
  let runtime = openRuntime({ cwd }), git = createGit(cwd), r = git.runSync(["remote", "get-url", "--push", remote], { readOnly: !0 });
  if (r.code !== 0)
    throw new LockstepError("NOT_FOUND", `this clone has no git remote named ${remote}`, {
      hint: `list the remotes (git remote -v) and pick one with --backend remote:NAME, or add it: git remote add ${remote} URL`,
      detail: { remote, stderr: r.stderr.trim() }
    });
  let topLevel = runtime.repo?.topLevel ?? cwd, ctx = { git, remote, url: r.stdout.trim(), runtime, topLevel, networkTimeoutMs };
  return contexts.set(key, ctx), ctx;
}
async function listRemoteRefs(ctx, patterns, what) {
  let r = await ctx.git.run([...QUIET, "ls-remote", "--refs", ctx.remote, ...patterns], { readOnly: !0, timeoutMs: ctx.networkTimeoutMs });
  if (r.code !== 0 || r.timedOut) throw networkFailure(ctx, what, r.stderr, r.timedOut);
  let out = /* @__PURE__ */ new Map();
  for (let line of r.stdout.split(`
`)) {
    let tab = line.indexOf("	");
    tab <= 0 || out.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return out;
}
function networkFailure(ctx, what, stderr, timedOut = !1) {
  return timedOut || looksUnreachable(stderr) || stderr.trim() === "" ? unreachableError(ctx.remote, ctx.url, what, stderr, timedOut) : new LockstepError("GIT_FAILED", `git failed while trying to ${what} on the remote ${ctx.remote} (${ctx.url}): ${stderr.trim().split(`
`).slice(-3).join(" / ")}`, {
    detail: { remote: ctx.remote, stderr: stderr.trim().slice(0, 2e3) }
  });
}
function recordOid(ctx, record) {
  let body = Buffer.from(JSON.stringify(record) + `
`, "utf8");
  return createHash3(objectFormat(ctx)).update(`blob ${body.length}\0`).update(body).digest("hex");
}
var formats = /* @__PURE__ */ new Map();
function objectFormat(ctx) {
  let f = formats.get(ctx.git.cwd);
  if (!f) {
    let r = ctx.git.runSync(["rev-parse", "--show-object-format"], { readOnly: !0 });
    f = r.code === 0 && r.stdout.trim() === "sha256" ? "sha256" : "sha1", formats.set(ctx.git.cwd, f);
  }
  return f;
}
async function writeRecord(ctx, record) {
  let text = JSON.stringify(record) + `
`, objects = ctx.runtime.repo ? join30(ctx.runtime.repo.commonDir, "objects") : null;
  if (objects && !process.env.GIT_OBJECT_DIRECTORY) {
    let oid = recordOid(ctx, record), dir = join30(objects, oid.slice(0, 2)), path = join30(dir, oid.slice(2));
    if (existsSync9(path)) return oid;
    let body = Buffer.from(text, "utf8"), data = deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`, "utf8"), body]));
    try {
      ensureDirIn(objects, dir);
      let tmp = join30(dir, `tmp_obj_lockstep_${process.pid}_${randomHex(4)}`);
      writeFileSync8(tmp, data, { mode: 292, flag: "wx" });
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
  let r = await ctx.git.run(["hash-object", "-w", "--stdin"], { input: text });
  if (r.code !== 0) throw new LockstepError("GIT_FAILED", `git hash-object failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}
async function readRecords(ctx, oids, refs = []) {
  let want = [...new Set(oids)], out = /* @__PURE__ */ new Map();
  if (want.length === 0) return out;
  let found = await catBlobs(ctx, want), missing = want.filter((o) => !found.has(o));
  if (missing.length > 0) {
    let f = await ctx.git.run([...QUIET, "fetch", "--no-write-fetch-head", "--no-tags", "--no-recurse-submodules", "--quiet", ctx.remote, ...missing], { timeoutMs: ctx.networkTimeoutMs });
    if (f.code !== 0 || f.timedOut) {
      if (f.timedOut || looksUnreachable(f.stderr)) throw unreachableError(ctx.remote, ctx.url, "read lock records", f.stderr, f.timedOut);
      if (refs.length) {
        let g = await ctx.git.run([...QUIET, "fetch", "--no-write-fetch-head", "--no-tags", "--no-recurse-submodules", "--quiet", ctx.remote, ...refs], { timeoutMs: ctx.networkTimeoutMs });
        if (g.timedOut || g.code !== 0 && looksUnreachable(g.stderr)) throw unreachableError(ctx.remote, ctx.url, "read lock records", g.stderr, g.timedOut);
      }
    }
    let more = await catBlobs(ctx, missing);
    found = new Map([...found, ...more]);
  }
  for (let o of want) out.set(o, found.get(o) ?? null);
  return out;
}
async function catBlobs(ctx, oids) {
  let r = await ctx.git.run(["cat-file", "--batch"], { input: oids.join(`
`) + `
`, readOnly: !0 }), out = /* @__PURE__ */ new Map();
  if (r.code !== 0) return out;
  let buf = Buffer.from(r.stdout, "utf8"), pos = 0;
  for (; pos < buf.length; ) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    let header = buf.subarray(pos, nl).toString("utf8").split(" ");
    if (pos = nl + 1, header[1] === "missing" || header.length < 3) continue;
    let size = Number(header[2]), body = buf.subarray(pos, pos + size).toString("utf8");
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
  if (updates.length === 0) return { ok: !0 };
  let args = [...QUIET, "push", "--porcelain", "--no-verify", "--quiet"];
  opts.atomic !== !1 && args.push("--atomic"), args.push(ctx.remote);
  for (let u of updates) args.push(`--force-with-lease=${u.ref}:${u.expectOid ?? ""}`);
  for (let u of updates) args.push(`${u.newOid ?? ""}:${u.ref}`);
  let r = await ctx.git.run(args, { timeoutMs: ctx.networkTimeoutMs }), lines = parsePorcelain(r.stdout);
  if (r.timedOut) throw ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, !0);
  if (r.code === 0 && lines.every((l) => l.flag !== "!")) return { ok: !0 };
  if (lines.length === 0)
    throw /does not support --atomic/i.test(r.stderr) ? refusedError(ctx.remote, ctx.url, updates.map((u) => u.ref), "the server does not support atomic pushes (git 2.4 or later is needed on the server)", r.stderr) : looksUnreachable(r.stderr) || r.stderr.trim() === "" ? neverConnected(r.stderr) ? unreachableError(ctx.remote, ctx.url, what, r.stderr) : ambiguousPushError(ctx.remote, ctx.url, what, r.stderr, !1) : new LockstepError("GIT_FAILED", `git push to ${ctx.remote} failed while trying to ${what}: ${r.stderr.trim().split(`
`).slice(-3).join(" / ")}`, {
      detail: { remote: ctx.remote, stderr: r.stderr.trim().slice(0, 2e3) }
    });
  let refused = lines.filter((l) => classifyPushSummary(l.flag, l.summary) === "refused");
  if (refused.length > 0)
    throw refusedError(ctx.remote, ctx.url, refused.map((l) => l.ref), refused[0].summary.replace(/^\[remote rejected\]\s*/, "").replace(/^\(|\)$/g, ""), r.stderr);
  return { ok: !1, conflict: lines.filter((l) => l.flag === "!").map((l) => `${l.ref} ${l.summary}`) };
}
function neverConnected(stderr) {
  return /unable to connect|connection refused|could not resolve host|network is unreachable|no route to host|does not appear to be a git repository|unable to access/i.test(stderr);
}
function parsePorcelain(stdout) {
  let out = [];
  for (let line of stdout.split(`
`)) {
    let parts = line.split("	");
    if (parts.length < 3 || parts[0].length !== 1) continue;
    let refspec = parts[1];
    out.push({ flag: parts[0], ref: refspec.slice(refspec.lastIndexOf(":") + 1), summary: parts.slice(2).join("	") });
  }
  return out;
}

// src/remote/lock.ts
var knownTokens = /* @__PURE__ */ new Map();
function fenceCacheFile(ctx, name) {
  return join31(ctx.runtime.root, "remote", ctx.remote, "fence", `${name}.json`);
}
function readFenceCache(ctx, name) {
  try {
    if (!checkDirIn(ctx.runtime.root, dirname11(fenceCacheFile(ctx, name)))) return null;
    let c = readJsonFile(fenceCacheFile(ctx, name), "fence cache");
    if (c && typeof c.fenceOid == "string" && Number.isSafeInteger(c.token))
      return knownTokens.set(c.fenceOid, c.token), c;
  } catch (e) {
    if (isLockstepError(e) && e.code === "UNSAFE_PATH") throw e;
  }
  return null;
}
function writeFenceCache(ctx, name, c) {
  knownTokens.set(c.fenceOid, c.token);
  try {
    ensureDirIn(ctx.runtime.root, join31(ctx.runtime.root, "remote", ctx.remote, "fence")), writeFileAtomic(fenceCacheFile(ctx, name), JSON.stringify(c));
  } catch (e) {
    if (isLockstepError(e) && e.code === "UNSAFE_PATH") throw e;
  }
}
async function readView2(ctx, name) {
  let refs = await listRemoteRefs(ctx, [lockRef(name), fenceRef(name)], `read the ${name} lock`);
  return { lockOid: refs.get(lockRef(name)) ?? null, fenceOid: refs.get(fenceRef(name)) ?? null };
}
async function readRecord(ctx, oid, ref) {
  let rec = (await readRecords(ctx, [oid], [ref])).get(oid) ?? null;
  return rec && rec.backend === "remote" && rec.state === "held" && Number.isSafeInteger(rec.token) ? (knownTokens.set(oid, rec.token), rec) : null;
}
async function fenceToken(ctx, name, fenceOid) {
  if (fenceOid === null) return 0;
  let known3 = knownTokens.get(fenceOid);
  if (known3 !== void 0) return known3;
  let rec = await readRecord(ctx, fenceOid, fenceRef(name));
  if (!rec)
    throw new LockstepError("CORRUPT_STATE", `the fencing counter ${fenceRef(name)} on the remote ${ctx.remote} points to ${fenceOid}, which is not a lockstep lock record`, {
      hint: `something other than lockstep wrote that ref; inspect it (git fetch ${ctx.remote} ${fenceRef(name)} && git cat-file -p FETCH_HEAD) and contact whoever wrote it`
    });
  return rec.token;
}
function describeHolder2(rec) {
  return rec ? escapeControl([rec.task ? `task ${rec.task}` : null, rec.agent ? `agent ${rec.agent}` : null, `pid ${rec.pid}`, `host ${rec.host}`].filter(Boolean).join(", ")) : "an unreadable record";
}
function parseTokenEnv2(env) {
  let out = /* @__PURE__ */ new Map();
  for (let part of (env[TOKEN_ENV] ?? "").split(",")) {
    let i = part.lastIndexOf(":");
    if (i <= 0) continue;
    let n = Number(part.slice(i + 1));
    Number.isSafeInteger(n) && n > 0 && out.set(part.slice(0, i), n);
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
    reentrant: !1,
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
  let name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK), timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new LockstepError("BAD_INPUT", `invalid lock timeout ${timeoutMs}`);
  let leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs}: the remote backend needs a lease > 0`);
  let ctx = openRemote(opts), env = opts.env ?? process.env, ref = lockRef(name);
  if (opts.reentrant !== !1) {
    let inherited = parseTokenEnv2(env).get(name);
    if (inherited !== void 0) {
      let v = await readView2(ctx, name), rec = v.lockOid ? await readRecord(ctx, v.lockOid, ref) : null;
      if (v.lockOid && rec && rec.token === inherited) return handleFrom(ctx, name, v.lockOid, rec, { reentrant: !0 });
    }
  }
  let base = { ...ownerFields(name, opts, leaseMs), backend: "remote" }, observer = new Observer(ctx), started = Date.now(), deadlineMono = monoNowMs() + timeoutMs, cached = readFenceCache(ctx, name), view = cached ? { lockOid: null, fenceOid: cached.fenceOid } : null, lastHolder = null, lastToken = 0, nextWaitReport = 0, conflicts = 0, pollMs = 20;
  for (; ; ) {
    if (opts.signal?.aborted) throw new LockstepError("LOCK_TIMEOUT", `gave up waiting for the ${name} lock (aborted)`);
    view || (view = await readView2(ctx, name));
    let takeOver = null, waitMs = 0;
    if (view.lockOid !== null) {
      let rec = await readRecord(ctx, view.lockOid, ref);
      lastHolder = rec, lastToken = rec?.token ?? lastToken;
      let j = judgeLease(rec, observer.firstSeen(ref, view.lockOid));
      j.expired ? takeOver = { oid: view.lockOid, rec, reason: j.reason } : waitMs = j.remainingMs;
    }
    if (view.lockOid === null || takeOver) {
      let prev = await fenceToken(ctx, name, view.fenceOid), now = Date.now(), record = { ...base, token: prev + 1, nonce: randomHex(8), acquiredAt: new Date(now).toISOString(), acquiredAtMs: now, renewedAtMs: now }, oid = await writeRecord(ctx, record), sentMono = monoNowMs();
      if ((await pushUpdates(
        ctx,
        [
          { ref, newOid: oid, expectOid: view.lockOid },
          { ref: fenceRef(name), newOid: oid, expectOid: view.fenceOid }
        ],
        `take the ${name} lock`
      )).ok) {
        writeFenceCache(ctx, name, { fenceOid: oid, token: record.token });
        let waitedMs = Date.now() - started, tookOver = takeOver ? { token: takeOver.rec?.token ?? 0, pid: takeOver.rec?.pid ?? 0, host: takeOver.rec?.host ?? "", reason: takeOver.reason, task: takeOver.rec?.task ?? null } : null;
        return tookOver && appendEvent(ctx.runtime.root, "takeover", { backend: "remote", remote: ctx.remote, lock: name, token: record.token, from: tookOver }), appendEvent(ctx.runtime.root, "acquire", { backend: "remote", remote: ctx.remote, lock: name, token: record.token, owner: base.pid, task: record.task, agent: record.agent, waitedMs }), handleFrom(ctx, name, oid, record, { waitedMs, tookOver, leaseEndsMono: sentMono + leaseMs });
      }
      conflicts++, view = null;
      let pause = Math.min(monoRemaining(deadlineMono), jitter(0, Math.min(200, 5 * 2 ** Math.min(conflicts, 6))));
      if (pause > 0 && await sleep4(pause), monoNowMs() < deadlineMono || conflicts < 3) continue;
      waitMs = 0;
    }
    let nowMono = monoNowMs();
    if (nowMono >= deadlineMono) {
      let waited = Date.now() - started;
      throw appendEvent(ctx.runtime.root, "timeout", { backend: "remote", remote: ctx.remote, lock: name, token: lastToken, waitedMs: waited, heldBy: lastHolder?.pid ?? null, heldByHost: lastHolder?.host ?? null }), new LockstepError(
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
      let info = { name, waitedMs: Date.now() - started, holder: lastHolder, token: lastToken, waiters: 0 };
      opts.onWait(info);
    }
    pollMs = Math.min(300, pollMs * 1.5);
    let delay = Math.max(0, Math.min(jitter(pollMs / 2, pollMs), waitMs > 0 ? waitMs : 1 / 0, monoRemaining(deadlineMono)));
    delay > 0 && await sleep4(delay), view = null;
  }
}
function monoRemaining(deadlineMono) {
  return Math.max(0, deadlineMono - monoNowMs());
}
async function compromised2(ctx, name, token, why) {
  let now = "", current = 0;
  try {
    let v = await readView2(ctx, name), rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null;
    current = rec?.token ?? await fenceToken(ctx, name, v.fenceOid), now = rec ? `it is now held by ${describeHolder2(rec)} (token ${rec.token})` : `it is free now (latest token ${current})`;
  } catch {
    now = "its state cannot be read now";
  }
  return appendEvent(ctx.runtime.root, "compromised", { backend: "remote", remote: ctx.remote, lock: name, token, current, why }), new LockstepError("LOCK_COMPROMISED", `lock compromised: the ${name} lock with token ${token} on the remote ${ctx.remote} is no longer held by its owner (${why}); ${now}`, {
    hint: `work done under token ${token} may have raced another holder; check it with lockstep lock status ${name} --backend remote:${ctx.remote}`,
    detail: { lock: name, token, current, remote: ctx.remote }
  });
}
async function releaseRemoteLock(handle, opts = {}) {
  if (handle.reentrant) return { name: handle.name, token: handle.token, heldMs: 0, reentrant: !0 };
  let ctx = openRemote({ cwd: handle.cwd, remote: handle.remote, networkTimeoutMs: opts.networkTimeoutMs });
  if (!(await pushUpdates(ctx, [{ ref: handle.ref, newOid: null, expectOid: handle.oid }], `release the ${handle.name} lock`)).ok) throw await compromised2(ctx, handle.name, handle.token, "it expired and was taken over or removed");
  let heldMs = Date.now() - handle.acquiredAtMs;
  return appendEvent(ctx.runtime.root, "release", { backend: "remote", remote: ctx.remote, lock: handle.name, token: handle.token, heldMs, task: handle.record.task }), { name: handle.name, token: handle.token, heldMs, reentrant: !1 };
}
async function renewRemoteLock(handle) {
  if (handle.reentrant) return handle.record;
  let ctx = openRemote({ cwd: handle.cwd, remote: handle.remote }), now = Date.now(), next = { ...handle.record, renewedAtMs: now }, oid = await writeRecord(ctx, next), sentMono = monoNowMs();
  if (!(await pushUpdates(
    ctx,
    [
      { ref: handle.ref, newOid: oid, expectOid: handle.oid },
      { ref: fenceRef(handle.name), newOid: oid, expectOid: handle.oid }
    ],
    `renew the ${handle.name} lock`
  )).ok) throw await compromised2(ctx, handle.name, handle.token, "lost before renewal");
  return writeFenceCache(ctx, handle.name, { fenceOid: oid, token: handle.token }), handle.oid = oid, handle.record = next, handle.leaseEndsMono = sentMono + next.leaseMs, next;
}
function statusOf(ctx, observer, name, lockOid, rec, latestToken) {
  let base = { backend: "remote", remote: ctx.remote, name, waiters: 0, path: `${ctx.remote}:${lockRef(name)}` };
  if (!lockOid) return { ...base, state: "free", token: latestToken, holder: null, ageMs: null, staleReason: null, expiresInMs: null };
  let j = judgeLease(rec, observer.firstSeen(lockRef(name), lockOid));
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
  let name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK), ctx = openRemote(opts), v = await readView2(ctx, name), rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null, latest = rec?.token ?? await fenceToken(ctx, name, v.fenceOid).catch(() => 0);
  return statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
}
async function listRemoteLocks(opts = {}) {
  let ctx = openRemote(opts), refs = await listRemoteRefs(ctx, ["refs/lockstep/locks/*", "refs/lockstep/fence/*"], "list locks"), names = /* @__PURE__ */ new Set();
  for (let r of refs.keys()) {
    let m = /^refs\/lockstep\/(?:locks|fence)\/([^/]+)$/.exec(r);
    m && names.add(m[1]);
  }
  let oids = [...refs.values()], records = await readRecords(ctx, oids), observer = new Observer(ctx);
  return [...names].sort().map((name) => {
    let lockOid = refs.get(lockRef(name)) ?? null, fenceOid = refs.get(fenceRef(name)) ?? null, rec = lockOid ? records.get(lockOid) ?? null : null, fenceRec = fenceOid ? records.get(fenceOid) ?? null : null;
    return statusOf(ctx, observer, name, lockOid, rec, rec?.token ?? fenceRec?.token ?? 0);
  });
}
async function breakRemoteLock(opts) {
  let name = validateRemoteLockName(opts.name ?? DEFAULT_LOCK), ctx = openRemote(opts), v = await readView2(ctx, name), rec = v.lockOid ? await readRecord(ctx, v.lockOid, lockRef(name)) : null, latest = rec?.token ?? await fenceToken(ctx, name, v.fenceOid).catch(() => 0);
  if (opts.expectToken !== void 0 && latest !== opts.expectToken)
    throw new LockstepError("CONFLICT", `the ${name} lock is at token ${latest}, not ${opts.expectToken}: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  if (!v.lockOid) return { broken: !1, name, token: latest, reason: "free" };
  let st = statusOf(ctx, new Observer(ctx), name, v.lockOid, rec, latest);
  if (st.state === "held" && !opts.force)
    throw new LockstepError(
      "LOCK_HELD",
      `the ${name} lock is held by ${describeHolder2(rec)} (token ${latest}) and its lease has not run out as seen from this machine (${((st.expiresInMs ?? 0) / 1e3).toFixed(1)} s to go): not broken`,
      { hint: `wait for it, or break it anyway: lockstep lock break ${name} --backend remote:${ctx.remote} --expect-token ${latest} --force`, detail: { lock: name, token: latest, holder: rec } }
    );
  let reason = st.state === "stale" ? st.staleReason ?? "stale" : "forced";
  if (!(await pushUpdates(ctx, [{ ref: lockRef(name), newOid: null, expectOid: v.lockOid }], `break the ${name} lock`)).ok) throw new LockstepError("CONFLICT", `the ${name} lock changed while breaking it: nothing broken`, { hint: `look again: lockstep lock status ${name} --backend remote:${ctx.remote}` });
  return appendEvent(ctx.runtime.root, "break", { backend: "remote", remote: ctx.remote, lock: name, token: latest, reason, previous: rec?.pid ?? null, previousHost: rec?.host ?? null }), { broken: !0, name, token: latest, previous: rec, reason };
}
async function withRemoteLock(opts, fn) {
  let h = await acquireRemoteLock(opts), renewing = Promise.resolve(), lost = !1, timer = h.reentrant ? null : setInterval(() => {
    lost || (renewing = renewing.then(() => renewRemoteLock(h)).catch(() => lost = !0));
  }, timerDelay(Math.max(50, Math.floor(h.record.leaseMs / 3))));
  timer?.unref();
  try {
    return await fn(h);
  } finally {
    timer && clearInterval(timer), await renewing, await releaseRemoteLock(h);
  }
}

// src/remote/alloc.ts
import { existsSync as existsSync10, mkdirSync as mkdirSync4, realpathSync as realpathSync7, statSync as statSync14 } from "node:fs";
import { basename as basename3, dirname as dirname12, join as join32, relative as relative6, isAbsolute as isAbsolute6, sep as sep5 } from "node:path";
import { setTimeout as sleep5 } from "node:timers/promises";
function relativeRoot(ctx, realRoot) {
  let top = ctx.topLevel;
  try {
    top = realpathSync7(top);
  } catch {
  }
  let rel = relative6(top, realRoot);
  if (rel === ".." || rel.startsWith(`..${sep5}`) || isAbsolute6(rel))
    throw new LockstepError("BAD_INPUT", `the allocation root ${realRoot} is outside the checkout ${top}: the remote backend names roots by their path inside the repository, so every clone agrees`, {
      hint: "use a root inside the repository, or --backend file for a root outside it"
    });
  return rel.split(sep5).join("/") || ".";
}
function realRootPath(abs) {
  let rest = [], dir = abs;
  for (; ; )
    try {
      let real2 = realpathSync7(dir);
      if (rest.length === 0 && !statSync14(real2).isDirectory()) throw new LockstepError("ENVIRONMENT", `the allocation root ${abs} is not a directory`);
      return join32(real2, ...rest.reverse());
    } catch (e) {
      if (e instanceof LockstepError) throw e;
      if (e.code !== "ENOENT" || dirname12(dir) === dir) throw fsError(e, "open allocation root", abs);
      rest.push(basename3(dir)), dir = dirname12(dir);
    }
}
function highestIn(root) {
  try {
    return highestNumber(root);
  } catch (e) {
    if (e instanceof LockstepError && !existsSync10(root)) return 0;
    throw e;
  }
}
var headRecord = (hash, number) => ({ v: 1, backend: "remote", kind: "alloc-head", root: hash, number }), known2 = /* @__PURE__ */ new Map();
async function remoteCounter(ctx, hash) {
  let refs = await listRemoteRefs(ctx, [`${allocPrefix(hash)}*`], "read the allocation counter"), headOid = refs.get(allocHeadRef(hash)) ?? null;
  if (!headOid) return { headOid: null, number: 0 };
  let numbers = [...refs.keys()].map((r) => Number(r.slice(allocPrefix(hash).length))).filter((n) => Number.isSafeInteger(n) && n > 0).sort((a, b) => b - a);
  for (let n of numbers) if (recordOid(ctx, headRecord(hash, n)) === headOid) return { headOid, number: n };
  let rec = (await readRecords(ctx, [headOid], [allocHeadRef(hash)])).get(headOid);
  if (!rec || rec.kind !== "alloc-head" || !Number.isSafeInteger(rec.number))
    throw new LockstepError("CORRUPT_STATE", `the allocation counter ${allocHeadRef(hash)} on the remote ${ctx.remote} does not point to a lockstep counter`, {
      hint: "something other than lockstep wrote that ref; inspect it with git ls-remote and fix it by hand"
    });
  return { headOid, number: rec.number };
}
function progressDeadline(timeoutMs, now = monoNowMs) {
  let deadline = now() + timeoutMs, highest = null;
  return {
    /** The remote counter as just read. */
    saw(number) {
      highest !== null && number > highest && (deadline = now() + timeoutMs), highest = Math.max(highest ?? number, number);
    },
    passed: () => now() >= deadline,
    leftMs: () => deadline - now()
  };
}
async function allocateRemote(opts) {
  let name = sanitizeTopicName(opts.name), width = validateWidth(opts.width ?? DEFAULT_WIDTH), abs = resolveRoot(opts.root, opts.cwd), ctx = openRemote(opts), timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, deadline = progressDeadline(timeoutMs), real2 = realRootPath(abs), rel = relativeRoot(ctx, real2), hash = rootHash(rel), key = `${ctx.git.cwd}\0${ctx.remote}\0${hash}`, view = known2.get(key) ?? await remoteCounter(ctx, hash);
  deadline.saw(view.number);
  let blind = 0;
  for (let retries = 0; ; retries++) {
    let number = Math.max(view.number, highestIn(real2)) + 1;
    if (!Number.isSafeInteger(number)) throw new LockstepError("ENVIRONMENT", `no number left after ${number - 1} in ${abs}`);
    let entry = `${formatNumber(number, width)}_${name}`, record = { v: 1, backend: "remote", kind: "alloc", root: rel, number, entry, host: hostId(), pid: process.pid, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString() }, [oid, headOid] = await Promise.all([writeRecord(ctx, record), writeRecord(ctx, headRecord(hash, number))]), ref = allocNumberRef(hash, number), sentMono = monoNowMs();
    if ((await pushUpdates(
      ctx,
      [
        { ref, newOid: oid, expectOid: null },
        { ref: allocHeadRef(hash), newOid: headOid, expectOid: view.headOid }
      ],
      `take number ${number} in ${rel}`
    )).ok) {
      known2.set(key, { headOid, number });
      try {
        mkdirSync4(real2, { recursive: !0 }), mkdirSync4(join32(real2, entry));
      } catch (e) {
        throw e.code === "EEXIST" ? new LockstepError("CONFLICT", `${join32(abs, entry)} already exists although number ${number} was just taken on the remote: something outside lockstep created it`, { hint: `lockstep allocate --verify ${abs}` }) : fsError(e, "create", join32(abs, entry));
      }
      return appendEvent(ctx.runtime.root, "allocate", { backend: "remote", remote: ctx.remote, root: real2, number, entry, retries }), { backend: "remote", remote: ctx.remote, ref, root: rel, topicNumber: formatNumber(number, width), topicPath: join32(abs, entry), number, name, token: number, retries };
    }
    if (known2.delete(key), deadline.passed() && deadline.saw((view = await remoteCounter(ctx, hash)).number), deadline.passed())
      throw new LockstepError("LOCK_TIMEOUT", `gave up allocating in ${abs} after ${retries + 1} pushes lost, the last ${(timeoutMs / 1e3).toFixed(1)} s without another clone taking a number`, {
        hint: "retry, or raise the timeout (--timeout)",
        detail: { root: rel, remote: ctx.remote, retries: retries + 1 }
      });
    let pushMs = monoNowMs() - sentMono;
    await sleep5(timerDelay(Math.min(deadline.leftMs(), Math.random() * pushMs * Math.min(4, 2 ** Math.min(retries, 3))))), ++blind <= 2 ? view = { headOid: recordOid(ctx, headRecord(hash, number)), number } : (blind = 0, view = await remoteCounter(ctx, hash), deadline.saw(view.number));
  }
}

// src/remote/claims.ts
import { setTimeout as sleep6 } from "node:timers/promises";
var DEFAULT_CLAIM_LEASE_MS2 = 12e4, DEFAULT_MAX_ATTEMPTS2 = 3, SPREAD = 8;
function newRecord(o, queue, item, attempt, state = "claimed") {
  let leaseMs = o.leaseMs ?? DEFAULT_CLAIM_LEASE_MS2;
  if (!Number.isFinite(leaseMs) || leaseMs <= 0) throw new LockstepError("BAD_INPUT", `invalid lease ${leaseMs} ms: it must be > 0`);
  let ident = identityOf(o.ownerPid ?? process.pid);
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
  return typeof r == "object" && r !== null && r.kind === "claim" && typeof r.state == "string";
}
function heldClaim(ctx, queue, item, agent, oid, record, leaseEndsMono) {
  return { backend: "remote", remote: ctx.remote, cwd: ctx.git.cwd, queue, item, agent, generation: record.attempt, ref: claimRef(queue, item), oid, record, leaseEndsMono };
}
async function tryClaim(ctx, o, queue, item, expectOid, attempt) {
  let record = newRecord(o, queue, item, attempt), oid = await writeRecord(ctx, record), sentMono = monoNowMs(), ref = claimRef(queue, item);
  return (await pushUpdates(ctx, [{ ref, newOid: oid, expectOid }], `claim ${queue}/${item}`)).ok ? (appendEvent(ctx.runtime.root, "claim", { backend: "remote", remote: ctx.remote, queue, item, agent: o.agent, generation: attempt }), heldClaim(ctx, queue, item, o.agent, oid, record, sentMono + record.leaseMs)) : null;
}
async function claimNextRemote(opts) {
  let queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE);
  validateAgentId(opts.agent);
  let ctx = openRemote(opts), items = (opts.items ?? queuedItems(opts.cwd, queue)).map(validateItemId), key = `${ctx.git.cwd}\0${ctx.remote}\0${queue}`;
  for (let round = 0; round < 1e3; round++) {
    let present = takenCache.get(key), fresh = !1;
    (!present || items.every((i) => present.has(i))) && (present = await listClaims2(ctx, queue), takenCache.set(key, present), fresh = !0);
    let pending = items.filter((i) => !present.has(i));
    if (pending.length > 0) {
      let start = Math.floor(Math.random() * Math.min(SPREAD, pending.length));
      for (let k = 0, lost = 0; k < pending.length && lost < SPREAD * 2; k++) {
        let item = pending[(start + k) % pending.length], c = await tryClaim(ctx, opts, queue, item, null, 1);
        if (present.set(item, c?.oid ?? ""), c) return c;
        lost++;
      }
      takenCache.delete(key), await sleep6(Math.random() * 20);
      continue;
    }
    if (!fresh) continue;
    takenCache.delete(key);
    let wanted = new Set(items), oids = [...present].filter(([i]) => wanted.has(i)), records = await readRecords(ctx, oids.map(([, oid]) => oid)), reclaimable = oids.filter(([, oid]) => {
      let r = records.get(oid);
      return isClaimRecord(r) && r.state === "reclaimed";
    });
    if (reclaimable.length === 0) return null;
    for (let [item, oid] of reclaimable) {
      let rec = records.get(oid), c = await tryClaim(ctx, opts, queue, item, oid, rec.attempt + 1);
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
  let refs = await listRemoteRefs(ctx, [`${claimPrefix(queue)}*`], `list the claims of ${queue}`), out = /* @__PURE__ */ new Map();
  for (let [ref, oid] of refs) ref.startsWith(claimPrefix(queue)) && out.set(ref.slice(claimPrefix(queue).length), oid);
  return out;
}
function claimLost(ctx, claim, what) {
  return appendEvent(ctx.runtime.root, "claim_lost", { backend: "remote", remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation, what }), new LockstepError("CONFLICT", `refused to ${what} ${claim.queue}/${claim.item}: the claim of agent ${claim.agent} (generation ${claim.generation}) is no longer current \u2014 its lease ran out and it was reclaimed`, {
    hint: `see the item now: lockstep remote claims ${claim.queue} --remote ${ctx.remote}`,
    detail: { queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation }
  });
}
async function finish(claim, state, what, reason) {
  let ctx = openRemote({ cwd: claim.cwd, remote: claim.remote }), next = { ...claim.record, state, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString(), ...reason ? { reason } : {} }, oid = await writeRecord(ctx, next), sentMono = monoNowMs();
  if (!(await pushUpdates(ctx, [{ ref: claim.ref, newOid: oid, expectOid: claim.oid }], `${what} ${claim.queue}/${claim.item}`)).ok) throw claimLost(ctx, claim, what);
  return appendEvent(ctx.runtime.root, what === "renew" ? "claim_renew" : `claim_${state}`, { backend: "remote", remote: ctx.remote, queue: claim.queue, item: claim.item, agent: claim.agent, generation: claim.generation }), claim.oid = oid, claim.record = next, claim.leaseEndsMono = sentMono + next.leaseMs, next;
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
  let queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE), item = validateItemId(opts.item);
  validateAgentId(opts.agent);
  let ctx = openRemote(opts), ref = claimRef(queue, item), oid = (await listRemoteRefs(ctx, [ref], `read the claim of ${queue}/${item}`)).get(ref) ?? null, rec = oid ? (await readRecords(ctx, [oid], [ref])).get(oid) : null;
  if (!oid || !isClaimRecord(rec) || rec.state !== "claimed" || rec.agent !== opts.agent || opts.generation !== void 0 && rec.attempt !== opts.generation) {
    let now = isClaimRecord(rec) ? `it is ${rec.state}${rec.agent ? ` by agent ${escapeControl(rec.agent)}` : ""} (generation ${rec.attempt})` : "nobody has claimed it";
    throw new LockstepError("CONFLICT", `agent ${opts.agent} does not hold a current claim on ${queue}/${item}${opts.generation !== void 0 ? ` with generation ${opts.generation}` : ""}: ${now}`, {
      hint: `see the items: lockstep remote claims ${queue} --remote ${ctx.remote}`,
      detail: { queue, item, agent: opts.agent, current: rec ?? null }
    });
  }
  return heldClaim(ctx, queue, item, opts.agent, oid, rec, monoNowMs());
}
async function listClaimsRemote(opts) {
  let queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE), ctx = openRemote(opts), present = await listClaims2(ctx, queue), records = await readRecords(ctx, [...present.values()]), observer = new Observer(ctx);
  return [...present].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([item, oid]) => {
    let r = records.get(oid);
    if (!isClaimRecord(r)) return { item, state: "unknown", agent: null, host: null, generation: 0, expired: !1, expiresInMs: null };
    let j = r.state === "claimed" ? judgeLease(r, observer.firstSeen(claimRef(queue, item), oid)) : null;
    return { item, state: r.state, agent: r.agent, host: r.host, generation: r.attempt, expired: j?.expired ?? !1, expiresInMs: j ? j.expired ? 0 : j.remainingMs : null };
  });
}
async function reclaimRemote(opts) {
  let queue = validateQueueName(opts.queue ?? DEFAULT_QUEUE), maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS2, ctx = openRemote(opts), present = await listClaims2(ctx, queue), records = await readRecords(ctx, [...present.values()]), observer = new Observer(ctx), out = { reclaimed: [], failed: [], waiting: [] };
  for (let [item, oid] of present) {
    let r = records.get(oid);
    if (!isClaimRecord(r) || r.state !== "claimed") continue;
    let j = judgeLease(r, observer.firstSeen(claimRef(queue, item), oid));
    if (!j.expired) {
      out.waiting.push({ item, agent: r.agent, host: r.host, expiresInMs: j.remainingMs });
      continue;
    }
    let state = r.attempt >= maxAttempts ? "failed" : "reclaimed", entry = { item, agent: r.agent, host: r.host, generation: r.attempt, reason: j.reason };
    if (!opts.dryRun) {
      let next = { ...r, state, nonce: randomHex(8), at: (/* @__PURE__ */ new Date()).toISOString(), reason: `${state} by host ${hostId()}: ${j.reason}` }, newOid = await writeRecord(ctx, next);
      if (!(await pushUpdates(ctx, [{ ref: claimRef(queue, item), newOid, expectOid: oid }], `reclaim ${queue}/${item}`)).ok) continue;
      appendEvent(ctx.runtime.root, "reclaim", { backend: "remote", remote: ctx.remote, queue, item, agent: r.agent, generation: r.attempt, state });
    }
    (state === "failed" ? out.failed : out.reclaimed).push(entry);
  }
  return out;
}

// src/remote/gc.ts
import { setTimeout as sleep7 } from "node:timers/promises";
var LOCK = /^refs\/lockstep\/locks\/([^/]+)$/, CLAIM = /^refs\/lockstep\/claims\/([^/]+)\/([^/]+)$/, ALLOC = /^refs\/lockstep\/alloc\/([0-9a-f]+)\/(head|\d+)$/;
async function remoteGc(opts = {}) {
  let ctx = openRemote(opts), deadline = monoNowMs() + (opts.waitMs ?? 0), drop = (opts.dropQueues ?? []).map(validateQueueName), observer = new Observer(ctx), total = {
    remote: ctx.remote,
    dryRun: !!opts.dryRun,
    locks: { removed: [], waiting: [] },
    claims: { reclaimed: [], failed: [], waiting: [], dropped: [] },
    alloc: [],
    skipped: []
  };
  for (let pass = 0; ; pass++) {
    let r = await gcPass(ctx, observer, opts, pass === 0 ? drop : []);
    total.locks.removed.push(...r.locks.removed), total.locks.waiting = r.locks.waiting, total.claims.reclaimed.push(...r.claims.reclaimed), total.claims.failed.push(...r.claims.failed), total.claims.waiting = r.claims.waiting, total.claims.dropped.push(...r.claims.dropped), total.skipped.push(...r.skipped), pass === 0 && (total.alloc = r.alloc);
    let soonest = Math.min(...r.locks.waiting.map((w) => w.expiresInMs), ...r.claims.waiting.map((w) => w.expiresInMs)), left = deadline - monoNowMs();
    if (!Number.isFinite(soonest) || soonest > left || opts.dryRun) break;
    await sleep7(timerDelay(Math.max(10, soonest + 20)));
  }
  return appendEvent(ctx.runtime.root, "remote_gc", {
    remote: ctx.remote,
    dryRun: total.dryRun,
    locks: total.locks.removed.length,
    reclaimed: total.claims.reclaimed.length,
    alloc: total.alloc.reduce((n, a) => n + a.removed.length, 0)
  }), total;
}
async function gcPass(ctx, observer, opts, drop) {
  let refs = await listRemoteRefs(ctx, ["refs/lockstep/*"], "list lockstep refs"), out = { remote: ctx.remote, dryRun: !!opts.dryRun, locks: { removed: [], waiting: [] }, claims: { reclaimed: [], failed: [], waiting: [], dropped: [] }, alloc: [], skipped: [] }, deletions = [], lockRefs = [...refs].filter(([ref]) => LOCK.test(ref)), lockRecords = await readRecords(ctx, lockRefs.map(([, oid]) => oid));
  for (let [ref, oid] of lockRefs) {
    let name = LOCK.exec(ref)[1], rec = lockRecords.get(oid) ?? null, holder = rec && rec.backend === "remote" ? rec : null, j = judgeLease(holder, observer.firstSeen(ref, oid));
    if (!j.expired) {
      out.locks.waiting.push({ name, token: holder?.token ?? 0, host: holder?.host ?? null, expiresInMs: j.remainingMs });
      continue;
    }
    let entry = { name, token: holder?.token ?? 0, host: holder?.host ?? null, reason: j.reason };
    deletions.push({ ref, newOid: null, expectOid: oid, done: () => out.locks.removed.push(entry) });
  }
  let queues = /* @__PURE__ */ new Set();
  for (let ref of refs.keys()) {
    let m = CLAIM.exec(ref);
    m && queues.add(m[1]);
  }
  for (let queue of queues) {
    if (drop.includes(queue)) {
      let mine = [...refs].filter(([ref]) => CLAIM.exec(ref)?.[1] === queue), dropped = { queue, refs: 0 };
      out.claims.dropped.push(dropped);
      for (let [ref, oid] of mine) deletions.push({ ref, newOid: null, expectOid: oid, done: () => dropped.refs++ });
      continue;
    }
    let r = await reclaimRemote({ cwd: ctx.git.cwd, remote: ctx.remote, networkTimeoutMs: ctx.networkTimeoutMs, queue, maxAttempts: opts.maxAttempts, dryRun: opts.dryRun });
    out.claims.reclaimed.push(...r.reclaimed), out.claims.failed.push(...r.failed), out.claims.waiting.push(...r.waiting);
  }
  let roots = /* @__PURE__ */ new Map();
  for (let [ref, oid] of refs) {
    let m = ALLOC.exec(ref);
    if (!m) continue;
    let root = roots.get(m[1]) ?? { head: null, numbers: [] };
    m[2] === "head" ? root.head = oid : root.numbers.push([Number(m[2]), ref, oid]), roots.set(m[1], root);
  }
  for (let [root, { head, numbers }] of roots) {
    if (head === null) continue;
    let kept = numbers.length ? Math.max(...numbers.map(([n]) => n)) : null, a = { root, kept, removed: [] };
    for (let [n, ref, oid] of numbers)
      n !== kept && deletions.push({ ref, newOid: null, expectOid: oid, done: () => a.removed.push(n) });
    out.alloc.push(a);
  }
  if (opts.dryRun) {
    for (let d of deletions) d.done();
    return out;
  }
  for (let i = 0; i < deletions.length; i += 200) {
    let batch = deletions.slice(i, i + 200), r = await pushUpdates(ctx, batch, "remove expired lockstep refs", { atomic: !1 }), lost = new Set(r.ok ? [] : r.conflict.map((c) => c.split(" ")[0]));
    for (let d of batch)
      lost.has(d.ref) ? out.skipped.push(d.ref) : d.done();
  }
  return out;
}

// src/remote/check.ts
async function checkRemote(opts = {}) {
  let ctx = openRemote(opts), steps = [], timed = async (step, fn) => {
    let t = monoNowMs(), v = await fn();
    return steps.push({ step, ms: monoNowMs() - t }), v;
  }, ref = `${REF_ROOT}probe/${hostId().replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40) || "host"}-${process.pid}-${randomHex(4)}`;
  await timed("list refs/lockstep/* (ls-remote)", () => listRemoteRefs(ctx, [`${REF_ROOT}*`], "list lockstep refs"));
  let a = await writeRecord(ctx, { kind: "probe", host: hostId(), at: (/* @__PURE__ */ new Date()).toISOString(), n: 1 }), b = await writeRecord(ctx, { kind: "probe", host: hostId(), at: (/* @__PURE__ */ new Date()).toISOString(), n: 2 }), created = await timed("create a probe ref (atomic push, expected absent)", () => pushUpdates(ctx, [{ ref, newOid: a, expectOid: null }], "create a probe ref"));
  if (!created.ok) throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} rejected the creation of a new probe ref ${ref}: ${created.conflict.join("; ")}`);
  try {
    if ((await timed("create it again (must be rejected)", () => pushUpdates(ctx, [{ ref, newOid: b, expectOid: null }], "create the probe ref again"))).ok)
      throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} let a second push create ${ref} although it existed: it does not compare-and-swap refs, so it cannot coordinate`, {
        hint: "use a git server that honours expected old values in pushes (any stock git since 2.4), or --backend file"
      });
    if ((await timed("see it from ls-remote", () => listRemoteRefs(ctx, [ref], "read the probe ref"))).get(ref) !== a)
      throw new LockstepError("REMOTE_REFUSED", `the remote ${ctx.remote} accepts refs/lockstep/* but hides them from readers (ls-remote does not show ${ref}): check uploadpack.hideRefs / transfer.hideRefs on the server`, {
        hint: "unhide refs/lockstep on the server, or use --backend file"
      });
  } finally {
    await pushUpdates(ctx, [{ ref, newOid: null, expectOid: a }], "delete the probe ref").catch(() => {
    });
  }
  return { ok: !0, remote: ctx.remote, url: ctx.url, steps };
}
export {
  DEFAULT_LOCK,
  DEFAULT_REMOTE,
  DEFAULT_WIDTH,
  EXPORT_PREFIX,
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
  planExport,
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

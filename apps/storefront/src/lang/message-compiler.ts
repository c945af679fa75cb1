import { toDisplayString } from 'vue';
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n';

/**
 * The messages' syntax, compiled in the browser by a compiler this small instead of vue-i18n's own
 * (@intlify/message-compiler, the largest part of vue-i18n in the first download, which the build
 * leaves out: __INTLIFY_DROP_MESSAGE_COMPILER__ in vite.config.ts). The messages use:
 *
 * - text;
 * - `{name}`: a named value;
 * - `{'@'}`: a literal (vue-i18n reads `@` as the start of a linked message);
 * - `a | b`: plural cases, the spaces around the bar not part of either.
 *
 * Anything else vue-i18n's syntax has (linked messages, list values, escapes) is refused when the
 * message is first compiled, naming it; message-compiler.spec.ts renders every message of every
 * language with both compilers and checks that they agree.
 */

/** A piece of one plural case: text as it is, or the name of a value. */
type Part = { text: string } | { named: string };

/** Characters that mean more than themselves to vue-i18n outside braces. */
const RESERVED = /[@\\]/;

function unsupported(message: string, why: string): Error {
  return new Error(
    `Message ${JSON.stringify(message)}: ${why} (src/lang/message-compiler.ts supports text, {name}, {'literal'} and "a | b")`,
  );
}

/** The plural cases of `message`, each as its parts. */
export function parseMessage(message: string): Part[][] {
  const cases: Part[][] = [[]];
  let text = '';
  const endText = () => {
    if (text) cases[cases.length - 1]!.push({ text });
    text = '';
  };
  for (let at = 0; at < message.length; at++) {
    const char = message[at]!;
    if (char === '{') {
      const close = message.indexOf('}', at);
      if (close < 0) throw unsupported(message, 'an unclosed brace');
      const inside = message.slice(at + 1, close).trim();
      endText();
      if (/^'[^']*'$/.test(inside)) text = inside.slice(1, -1);
      else if (/^[A-Za-z_][\w]*$/.test(inside)) cases[cases.length - 1]!.push({ named: inside });
      else throw unsupported(message, `the placeholder {${inside}}`);
      at = close;
    } else if (char === '|') {
      text = text.trimEnd();
      endText();
      cases.push([]);
      while (message[at + 1] === ' ') at++;
    } else if (char === '}' || RESERVED.test(char)) {
      throw unsupported(message, `a bare ${char}`);
    } else {
      text += char;
    }
  }
  endText();
  return cases;
}

/** One case's text with its values put in, as vue-i18n shows a value (`toDisplayString`: nothing for null, objects as JSON). */
function caseFunction(parts: Part[]): (ctx: MessageContext<string>) => string {
  return (ctx) => parts.map((part) => ('text' in part ? part.text : toDisplayString(ctx.named(part.named)))).join('');
}

const compiled = new Map<string, MessageFunction<string>>();

/** vue-i18n's `messageCompiler`: a message's function, made once for each text. */
export const compileMessage: MessageCompiler = (message) => {
  if (typeof message !== 'string') throw new Error('Messages are text: this app does not precompile them.');
  let found = compiled.get(message);
  if (!found) {
    const cases = parseMessage(message).map(caseFunction);
    found = cases.length === 1 ? cases[0]! : (ctx: MessageContext<string>) => ctx.plural(cases.map((render) => render(ctx)));
    compiled.set(message, found);
  }
  return found;
};

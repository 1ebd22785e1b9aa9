import { timingSafeEqual } from 'node:crypto';
import type { ExternalTokenHandler } from './ExternalTokenHandler.js';
import { invalidOptionsError, readCompactString } from './readOptions.js';

interface StaticContext {
  token: Buffer;
  subject: string;
}

/** `type: static`: one fixed bearer token (AUTH-160 to AUTH-163). */
export const staticTokenHandler: ExternalTokenHandler<StaticContext> = {
  type: 'static',
  initialize({ options, configPath }) {
    const token = readCompactString(options, 'token', configPath);
    if (token.length < 8) {
      throw invalidOptionsError(`${configPath}.token`, 'must be at least 8 characters long');
    }
    const subject = readCompactString(options, 'subject', configPath);
    return { token: Buffer.from(token, 'utf8'), subject };
  },
  async verifyToken(token, context) {
    const candidate = Buffer.from(token, 'utf8');
    // Constant-time comparison, so response times do not leak how much of a guess matched.
    if (candidate.length !== context.token.length || !timingSafeEqual(candidate, context.token)) {
      return undefined;
    }
    return { subject: context.subject };
  },
};

import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSelfSignedCertificate } from './createSelfSignedCertificate.js';

describe('createSelfSignedCertificate', () => {
  it('RHTTP-025: the certificate is self-signed, matches its key and names the host as subject alternative name', () => {
    for (const [host, altName] of [
      ['localhost', 'DNS:localhost'],
      ['backstage.example.com', 'DNS:backstage.example.com'],
      ['127.0.0.1', 'IP Address:127.0.0.1'],
      ['::1', 'IP Address:0:0:0:0:0:0:0:1'],
    ] as const) {
      const pem = createSelfSignedCertificate(host);
      const certificate = new X509Certificate(pem.cert);
      expect(certificate.subjectAltName).toBe(altName);
      expect(certificate.verify(certificate.publicKey)).toBe(true);
      expect(certificate.checkPrivateKey(createPrivateKey(pem.key))).toBe(true);
      expect(certificate.ca).toBe(false);
      expect(new Date(certificate.validFrom).getTime()).toBeLessThan(Date.now());
      expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(
        Date.now() + 5 * 24 * 60 * 60 * 1000,
      );
    }
  });
});

import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { ConfigReader } from './ConfigReader.js';
import { createSelfSignedCertificate, type PemCertificate } from './createSelfSignedCertificate.js';
import { ConfigError } from '../rootConfig/index.js';
import { RootHttpRouterError } from './RootHttpRouterError.js';

/**
 * Reads `backend.https` (RHTTP-024 to RHTTP-031): `undefined` for plain HTTP, a generated
 * self-signed certificate for the host name of `backend.baseUrl` when it is `true`, or the
 * configured PEM certificate and key, checked to parse and to match.
 */
export function readHttpsOptions(config: ConfigReader): PemCertificate | undefined {
  const https = config.getOptional('backend.https');
  if (https === undefined || https === null || https === false) return undefined;
  if (https === true) {
    const baseUrl = config.getOptional('backend.baseUrl');
    if (baseUrl === undefined || baseUrl === null) {
      throw ConfigError.create('RCFG_MISSING_VALUE', {
        configPath: 'backend.baseUrl',
        purpose: 'the self-signed certificate of backend.https: true',
      });
    }
    let hostname: string;
    try {
      hostname = new URL(String(baseUrl)).hostname.replace(/^\[(.*)\]$/, '$1');
    } catch (error) {
      throw new RootHttpRouterError(
        'RHTTP_INVALID_BASE_URL',
        {
          configPath: 'backend.baseUrl',
          value: JSON.stringify(baseUrl),
          reason: 'is not a valid URL',
        },
        { cause: error },
      );
    }
    if (hostname === '') {
      throw new RootHttpRouterError('RHTTP_INVALID_BASE_URL', {
        configPath: 'backend.baseUrl',
        value: JSON.stringify(baseUrl),
        reason: 'has no host name',
      });
    }
    return createSelfSignedCertificate(hostname);
  }
  const cert = config.getOptional('backend.https.certificate.cert');
  const key = config.getOptional('backend.https.certificate.key');
  for (const [value, configPath] of [
    [cert, 'backend.https.certificate.cert'],
    [key, 'backend.https.certificate.key'],
  ] as const) {
    if (value === undefined || value === null || value === '') {
      throw ConfigError.create('RCFG_MISSING_VALUE', { configPath });
    }
    if (typeof value !== 'string') {
      throw new RootHttpRouterError('RHTTP_INVALID_CERTIFICATE', {
        configPath,
        problem: 'must be a PEM string',
      });
    }
  }
  return checkPem(cert as string, key as string);
}

function checkPem(cert: string, key: string): PemCertificate {
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw invalid('backend.https.certificate.cert', 'is not a PEM certificate', error);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw invalid('backend.https.certificate.key', 'is not a PEM private key', error);
  }
  if (!certificate.checkPrivateKey(privateKey)) {
    throw invalid(
      'backend.https.certificate.key',
      'does not match the certificate of backend.https.certificate.cert',
    );
  }
  return { cert, key };
}

function invalid(
  configPath: string,
  problem: string,
  cause?: unknown,
): RootHttpRouterError<'RHTTP_INVALID_CERTIFICATE'> {
  return new RootHttpRouterError(
    'RHTTP_INVALID_CERTIFICATE',
    { configPath, problem },
    cause === undefined ? undefined : { cause },
  );
}

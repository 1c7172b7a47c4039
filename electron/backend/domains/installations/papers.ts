import type { z } from 'zod';
import type { GeneratedDocument } from '../../../../shared/schemas/document';
import type { acceptanceCertificateInput } from '../../../../shared/schemas/installation';
import type { AcceptanceCertificateData } from '../../documents/acceptance/acceptance-certificate';
import type { ServiceContext } from '../../app/context';
import { refuse } from '../../lib/errors';
import { archiveDocument, settingsForPaper } from '../archive/archive';
import { getCustomer } from '../customers/customers';
import { getUnit } from '../units/units';
import { getInstallation } from './installations';
import { ACCEPTANCE_CERTIFICATE_TEMPLATE_VERSION } from '../../documents/template-versions';

/**
 * What the certificate is drawn from, except its number and day. Only an accepted job has one:
 * the certificate states the acceptance and the warranty start it set.
 */
export async function acceptanceCertificateSource(ctx: ServiceContext, installationId: number): Promise<Omit<AcceptanceCertificateData, 'number' | 'issuedOn'>> {
  const installation = await getInstallation(ctx, installationId);
  if (installation.status !== 'accepted') throw refuse('installations.errors.notAccepted', { number: installation.number });
  const [customer, settings] = await Promise.all([getCustomer(ctx, installation.customerId), settingsForPaper(ctx)]);
  const units = [];
  for (const u of installation.units) units.push(await getUnit(ctx, u.id));
  return { settings, customer, installation, units };
}

export async function createAcceptanceCertificate(ctx: ServiceContext, input: z.output<typeof acceptanceCertificateInput>): Promise<GeneratedDocument> {
  const source = await acceptanceCertificateSource(ctx, input.installationId);
  const { installation, customer } = source;
  return archiveDocument(ctx, {
    kind: 'acceptanceCertificate',
    recordType: 'installation',
    recordId: installation.id,
    title: `${installation.number} · ${customer.name}`,
    paper: input.paper,
    language: input.language,
    templateVersion: ACCEPTANCE_CERTIFICATE_TEMPLATE_VERSION,
    render: (number, issuedOn) => ctx.documents.render({ kind: 'acceptanceCertificate', data: { ...source, number, issuedOn }, language: input.language, paper: input.paper }),
  });
}

import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { loadCatalogue, mutableCatalogue, schema } from './load';

// strictRequired and strictTypes would reject standard conditionals the schema relies on
// (`then: { required: ['retired'] }`, `if: { properties: { usedBy: { maxItems: 0 } } }`).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
const validate = ajv.compile(schema);

function errorsFor(data: unknown): ErrorObject[] {
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

/** The errors at one path, as `keyword` or `keyword:param` strings. */
function at(errors: readonly ErrorObject[], instancePath: string): string[] {
  return errors
    .filter((e) => e.instancePath === instancePath)
    .map((e) => (e.keyword === 'required' ? `required:${(e.params as { missingProperty: string }).missingProperty}` : e.keyword));
}

describe('data/catalogue.json against data/catalogue.schema.json', () => {
  it('is valid', () => {
    expect(errorsFor(loadCatalogue())).toEqual([]);
  });

  it('rejects a port above 65535 at its path', () => {
    const broken = mutableCatalogue();
    broken.services[0]!.ports[0]!.fromPort = 70000;
    expect(at(errorsFor(broken), '/services/0/ports/0/fromPort')).toEqual(['maximum']);
  });

  it('rejects a protocol other than tcp or udp', () => {
    const broken = mutableCatalogue();
    (broken.services[3]!.ports[0] as { protocol: string }).protocol = 'icmp';
    expect(at(errorsFor(broken), '/services/3/ports/0/protocol')).toEqual(['enum']);
  });

  it('rejects a service, product or network without sources', () => {
    const broken = mutableCatalogue();
    delete (broken.services[5] as { sources?: unknown }).sources;
    (broken.products[2] as { sources: string[] }).sources = [];
    (broken.networks[1] as { sources: string[] }).sources = ['support.apple.com/en-us/102266'];
    const errors = errorsFor(broken);
    expect(at(errors, '/services/5')).toEqual(['required:sources']);
    expect(at(errors, '/products/2/sources')).toEqual(['minItems']);
    expect(at(errors, '/networks/1/sources/0')).toEqual(['pattern']);
  });

  it('rejects a legacy service without a retirement, and a current one with one', () => {
    const broken = mutableCatalogue();
    const legacy = broken.services.findIndex((s) => s.status === 'legacy');
    const current = broken.services.findIndex((s) => s.status === 'current');
    const retired = broken.services[legacy]!.retired;
    delete (broken.services[legacy] as { retired?: unknown }).retired;
    (broken.services[current] as { retired?: unknown }).retired = retired;
    const errors = errorsFor(broken);
    expect(at(errors, `/services/${legacy}`)).toContain('required:retired');
    expect(at(errors, `/services/${current}`)).toContain('not');
  });

  it("rejects a label with a character AWS refuses in rule descriptions ('&')", () => {
    const broken = mutableCatalogue();
    broken.services[0]!.label = 'iCloud & FaceTime';
    expect(at(errorsFor(broken), '/services/0/label')).toEqual(['pattern']);
  });

  it('rejects a product use with no "used by" entry and no note', () => {
    const broken = mutableCatalogue();
    const product = broken.products.findIndex((p) => p.uses.some((u) => u.usedBy.length === 0));
    const use = broken.products[product]!.uses.findIndex((u) => u.usedBy.length === 0);
    delete (broken.products[product]!.uses[use] as { note?: string }).note;
    expect(at(errorsFor(broken), `/products/${product}/uses/${use}`)).toEqual(['required:note', 'if']);
  });

  it('rejects a host name with upper case, a wildcard in the middle or a scheme', () => {
    const broken = mutableCatalogue();
    const hosts = broken.hostGroups[0]!.hosts;
    hosts[0]!.host = 'Audiocontentdownload.apple.com';
    hosts[1]!.host = 'devimages.*.apple.com';
    hosts[2]!.host = 'https://download.developer.apple.com';
    const errors = errorsFor(broken);
    expect([0, 1, 2].map((i) => at(errors, `/hostGroups/0/hosts/${i}/host`))).toEqual([['pattern'], ['pattern'], ['pattern']]);
  });

  it('rejects a host without ports, a platform Apple does not make and a host group without sources', () => {
    const broken = mutableCatalogue();
    const group = broken.hostGroups.findIndex((g) => g.id === 'device-setup');
    const host = broken.hostGroups[group]!.hosts.findIndex((h) => h.platforms !== undefined);
    (broken.hostGroups[group]!.hosts[host]!.platforms as string[]) = ['Windows'];
    delete (broken.hostGroups[group]!.hosts[0] as { ports?: unknown }).ports;
    delete (broken.hostGroups[1] as { sources?: unknown }).sources;
    const errors = errorsFor(broken);
    expect(at(errors, `/hostGroups/${group}/hosts/${host}/platforms/0`)).toEqual(['enum']);
    expect(at(errors, `/hostGroups/${group}/hosts/0`)).toEqual(['required:ports']);
    expect(at(errors, '/hostGroups/1')).toEqual(['required:sources']);
  });

  it("rejects a product's host-group reference without a group or with an empty host list", () => {
    const broken = mutableCatalogue();
    const index = broken.products.findIndex((p) => p.id === 'NetworkTime');
    const references = broken.products[index]!.hostGroups as { group?: string; hosts?: string[] }[];
    references[0]!.hosts = [];
    references.push({ hosts: ['time.apple.com'] });
    const errors = errorsFor(broken);
    expect(at(errors, `/products/${index}/hostGroups/0/hosts`)).toEqual(['minItems']);
    expect(at(errors, `/products/${index}/hostGroups/1`)).toEqual(['required:group']);
  });

  it('rejects an unknown field', () => {
    const broken = mutableCatalogue();
    (broken.services[0] as unknown as Record<string, unknown>)['port'] = 22;
    expect(at(errorsFor(broken), '/services/0')).toEqual(['additionalProperties']);
  });
});

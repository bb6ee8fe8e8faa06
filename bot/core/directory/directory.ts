/**
 * The directory of the Table: partner organisations, their pivot coordinators, backup coordinators
 * and pivots, the Table's own coordinators, and the channels Balise posts to. Loaded from YAML and
 * validated like the knowledge base. People are matched on their AAD object id (when the directory
 * gives one) and their tenant (when allowed tenants are configured), never on a Teams user id alone.
 */
import { z } from 'zod';
import { readYamlDocument } from '../knowledge/read-yaml.js';
import type { ContentProblem } from '../knowledge/types.js';
import type { Person } from '../people/person.js';

/** A person of the directory: a {@link Person} with a name and no tenant. */
const person = z.object({ id: z.string().min(1), aadObjectId: z.string().optional(), name: z.string().min(1) }).strict();
const channel = z.object({ conversationId: z.string().min(1), name: z.string().min(1), serviceUrl: z.string().url().optional() }).strict();

const directorySchema = z
  .object({
    organisations: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            name: z.string().min(1),
            /**
             * The article the name takes in a sentence, for « transmise au CIUSSS… », « à la DPJ… »:
             * `le`, `la`, `les`, `l` (elided: « à l’Escale ») or `none` (« à Mères et monde »). Default: none.
             */
            article: z.enum(['le', 'la', 'les', 'l', 'none']).optional(),
            coordinators: z.array(person).min(1, 'au moins un coordonnateur'),
            backupCoordinators: z.array(person).default([]),
            pivots: z.array(person).default([]),
            members: z.array(person).default([]),
            pivotsChannel: channel.optional(),
          })
          .strict(),
      )
      .min(1),
    tableCoordinators: z.array(person).default([]),
    channels: z.object({ announcements: z.array(channel).default([]), pivots: channel.optional() }).strict().default({}),
  })
  .strict();

export type Channel = z.output<typeof channel>;
export type Organisation = z.output<typeof directorySchema>['organisations'][number];
export type DirectoryData = z.output<typeof directorySchema>;

/** Questions the features ask the directory. */
export interface Directory {
  readonly data: DirectoryData;
  organisation(id: string): Organisation | undefined;
  /** The organisation a user belongs to (as member, pivot or coordinator), if known. */
  organisationOf(user: Person): Organisation | undefined;
  /** True for the Table's coordinators and every organisation's (backup) coordinators. */
  isCoordinator(user: Person): boolean;
  isTableCoordinator(user: Person): boolean;
  /** True when the user may act on a request routed to `organisationId`. */
  canHandle(user: Person, organisationId: string): boolean;
  /** True for the coordinators and backup coordinators of `organisationId`, and the Table's coordinators. */
  canSupervise(user: Person, organisationId: string): boolean;
  /** Organisations where the user is a (backup) coordinator. */
  coordinatedBy(user: Person): Organisation[];
  /** True when the directory's `person` is the user of an activity. */
  isSamePerson(person: Person, user: Person): boolean;
}

/** Options of {@link createDirectory}. */
export interface DirectoryOptions {
  /** Tenants whose people may hold a role. Default: none configured, no tenant check (local mode). */
  readonly allowedTenants?: readonly string[];
}

/**
 * The matching rule: the AAD object id when the directory has one (a Teams user id is not proof of
 * who someone is), the Teams id otherwise, and only in local mode; and the tenant must be allowed.
 */
function samePerson(p: Person, u: Person, allowedTenants: readonly string[]): boolean {
  if (allowedTenants.length > 0) {
    if (typeof u.tenantId !== 'string' || !allowedTenants.includes(u.tenantId.toLowerCase())) return false;
    return !!p.aadObjectId && p.aadObjectId === u.aadObjectId;
  }
  return p.aadObjectId ? p.aadObjectId === u.aadObjectId : p.id === u.id;
}

/** Wraps validated directory data with its queries. */
export function createDirectory(data: DirectoryData, options: DirectoryOptions = {}): Directory {
  const allowedTenants = (options.allowedTenants ?? []).map((t) => t.toLowerCase());
  const same = (p: Person, u: Person) => samePerson(p, u, allowedTenants);
  const supervisors = (o: Organisation) => [...o.coordinators, ...o.backupCoordinators];
  const everyone = (o: Organisation) => [...o.coordinators, ...o.backupCoordinators, ...o.pivots, ...o.members];
  const isTableCoordinator = (u: Person) => data.tableCoordinators.some((p) => same(p, u));
  return {
    data,
    organisation: (id) => data.organisations.find((o) => o.id === id),
    organisationOf: (u) => data.organisations.find((o) => everyone(o).some((p) => same(p, u))),
    isTableCoordinator,
    isCoordinator: (u) => isTableCoordinator(u) || data.organisations.some((o) => supervisors(o).some((p) => same(p, u))),
    canHandle: (u, orgId) => {
      if (isTableCoordinator(u)) return true;
      const o = data.organisations.find((x) => x.id === orgId);
      return !!o && [...o.coordinators, ...o.backupCoordinators, ...o.pivots].some((p) => same(p, u));
    },
    canSupervise: (u, orgId) => {
      if (isTableCoordinator(u)) return true;
      const o = data.organisations.find((x) => x.id === orgId);
      return !!o && supervisors(o).some((p) => same(p, u));
    },
    coordinatedBy: (u) => data.organisations.filter((o) => supervisors(o).some((p) => same(p, u))),
    isSamePerson: same,
  };
}

/** An empty directory (production before configuration): nobody is a coordinator. */
export function emptyDirectory(): Directory {
  return createDirectory({ organisations: [], tableCoordinators: [], channels: { announcements: [] } } as DirectoryData);
}

/** Loads and validates a directory file; problems carry their line like knowledge problems. */
export function loadDirectory(file: string, shown = 'annuaire', options: DirectoryOptions = {}): { directory: Directory | undefined; problems: ContentProblem[] } {
  const { value, problems } = readYamlDocument(file, shown, directorySchema);
  return { directory: value ? createDirectory(value, options) : undefined, problems };
}

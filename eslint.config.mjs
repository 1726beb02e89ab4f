import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** One constraint per API domain lib: it may import shared libs and the domains listed (all below it). */
function apiLayers(below) {
  return Object.entries(below).map(([domain, allowed]) => ({
    sourceTag: `domain:${domain}`,
    onlyDependOnLibsWithTags: ['scope:shared', ...allowed.map((d) => `domain:${d}`)],
  }));
}

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/node_modules', '**/.chartdesk', '**/.angular', '**/coverage', 'tmp'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // The architecture in DESIGN.md, enforced: shared code depends on nothing,
      // the API and the web client never import each other's libraries.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['scope:api', 'scope:shared'],
              notDependOnLibsWithTags: ['scope:web'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
              notDependOnLibsWithTags: ['scope:api'],
            },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['*'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: [] },
            // API domain libs depend downward only (DESIGN.md): records -> access -> identity;
            // everyone may use audit and database; worklist -> records, codesets; quality -> worklist;
            // compliance -> audit, records. A lib reaches another's data only through that lib's
            // exports or published views (tools/check-table-ownership.mjs), so these arrows are the
            // real coupling.
            ...apiLayers({
              platform: [],
              database: ['platform'],
              audit: ['platform', 'database'],
              identity: ['platform', 'database', 'audit'],
              access: ['platform', 'database', 'audit', 'identity'],
              codesets: ['platform', 'database', 'audit'],
              records: ['platform', 'database', 'audit', 'identity', 'access'],
              worklist: ['platform', 'database', 'audit', 'identity', 'access', 'records', 'codesets'],
              quality: ['platform', 'database', 'audit', 'identity', 'access', 'records', 'codesets', 'worklist'],
              compliance: ['platform', 'database', 'audit', 'identity', 'access', 'records'],
            }),
          ],
        },
      ],
    },
  },
  {
    // Type-aware rules that catch the bugs that matter here: a forgotten await
    // around an audit write, or a switch that silently misses a new role.
    files: ['**/*.ts'],
    ignores: ['**/jest.config.ts', '**/*.d.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false, attributes: false } },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
          message: 'Focused tests must not be committed.',
        },
      ],
    },
  },
];

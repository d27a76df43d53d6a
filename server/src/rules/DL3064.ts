import doc from './DL3064.md';
import { defineRule } from './rule';
import { varDefs } from '../model/document';

/** Well-known names of credentials (upper case), as hadolint lists them. */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY',
  'BITTREX_API_KEY', 'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD',
  'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD', 'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME',
  'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET', 'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN',
  'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN', 'HEROKU_API_KEY',
  'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME',
  'POSTGRES_PASSWORD', 'SLACK_TOKEN', 'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME',
  'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);
/** Parts of a name (lower case) that suggest a secret; matched anywhere in the name, as hadolint does. */
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export default defineRule({
  id: 'DL3064',
  severity: 'warning',
  fixable: false,
  doc,
  check(ctx) {
    for (const ins of ctx.instructions('ARG', 'ENV')) {
      for (const def of varDefs(ins)) {
        const lower = def.name.toLowerCase();
        if (!KNOWN.has(def.name.toUpperCase()) && !SUSPICIOUS.some((s) => lower.includes(s))) continue;
        const where = ins.keyword === 'ENV' ? 'ENV values are stored in the image configuration' : 'ARG values are recorded in the image history of every RUN that uses them';
        ctx.report({
          range: def.nameRange,
          message: `\`${def.name}\` looks like a secret, and ${where}; pass secrets with \`RUN --mount=type=secret\` instead.`,
          instruction: ins,
        });
      }
    }
  },
});

using 'main.bicep'

// Replace before deploying: the sender must be a verified SendGrid sender or domain.
param sendGridFromAddress = 'notifications@example.com'

param appName = 'procfn'
param sendGridFromName = 'ProcessFunctions'

// Read from the environment so the key never lands in the repository. When the variable is
// unset the vault's existing secret is kept (see docs/deploy.md).
param sendGridApiKey = readEnvironmentVariable('SENDGRID_API_KEY', '')

// ProcessFunctions: the sales-process engine on Azure Functions Flex Consumption.
// Every connection is identity-based through one user-assigned managed identity: the storage
// account refuses shared keys, and the only secret (the SendGrid API key) lives in Key Vault.
// Deploying the template twice changes nothing: names are derived from the resource group.

metadata name = 'ProcessFunctions'
metadata description = 'Function app, storage, Key Vault and monitoring for the ProcessFunctions sales-process engine.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------

@description('Short lowercase name (letters and digits) used in every resource name, e.g. "procfn".')
@minLength(2)
@maxLength(9)
param appName string = 'procfn'

@description('Azure region for all resources; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string = resourceGroup().location

@description('Tags applied to every resource.')
param tags object = {}

@description('Sender address for notification email; the domain must be verified in SendGrid.')
@minLength(3)
@maxLength(254)
param sendGridFromAddress string

@description('Display name of the notification sender.')
@minLength(1)
@maxLength(100)
param sendGridFromName string = 'ProcessFunctions'

@description('SendGrid API key stored as a Key Vault secret. Leave empty to keep the secret that is already in the vault (set it with az keyvault secret set).')
@secure()
param sendGridApiKey string = ''

@description('Public base URL used in links inside notification email. Empty means https://<function app default host name>.')
@maxLength(200)
param publicUrl string = ''

@description('Upper bound of Flex Consumption instances the app may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each Flex Consumption instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Replication of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Days the Log Analytics workspace keeps logs and telemetry.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Days a deleted vault or secret stays recoverable. Fixed once the vault exists.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 90

@description('Accept only Entra ID-authenticated telemetry in Application Insights. Turn off if worker code adds an Application Insights SDK that cannot authenticate with the managed identity.')
param applicationInsightsEntraAuthOnly bool = true

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

var resourceToken = toLower(uniqueString(resourceGroup().id, appName))
var compactName = toLower(replace(appName, '-', ''))

var identityName = 'id-${compactName}-${resourceToken}'
var storageAccountName = 'st${compactName}${resourceToken}'
var logAnalyticsName = 'log-${compactName}-${resourceToken}'
var applicationInsightsName = 'appi-${compactName}-${resourceToken}'
var keyVaultName = 'kv-${compactName}-${take(resourceToken, 11)}'
var planName = 'plan-${compactName}-${resourceToken}'
var functionAppName = 'func-${compactName}-${resourceToken}'

// Tables, queues and containers the app uses (without Storage__NamePrefix, which stays unset).
var tableNames = [
  'accounts'
  'processes'
  'deals'
  'statistics'
  'idempotency'
  'tasks'
  'webhooks'
  'effects'
]
var queueNames = [
  'step-effects'
  'step-effects-poison'
  'webhook-deliveries'
  'webhook-deliveries-poison'
]
var dealFilesContainerName = 'deal-files'
var deploymentContainerName = 'app-package'

var sendGridSecretName = 'SendGrid-ApiKey'

var effectivePublicUrl = empty(publicUrl) ? 'https://${functionApp.properties.defaultHostName}' : publicUrl

// ---------------------------------------------------------------------------------------------
// Identity
// ---------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

// ---------------------------------------------------------------------------------------------
// Storage: host storage, app data and the deployment package, all reached with the identity
// ---------------------------------------------------------------------------------------------

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    isLocalUserEnabled: false
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-05-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource dealFilesContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: dealFilesContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// ---------------------------------------------------------------------------------------------
// Monitoring
// ---------------------------------------------------------------------------------------------

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: applicationInsightsEntraAuthOnly
  }
}

// ---------------------------------------------------------------------------------------------
// Key Vault: holds the SendGrid API key; the app reads it through a Key Vault reference
// ---------------------------------------------------------------------------------------------

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    // RBAC decides who reads secrets; the empty list keeps access policies out of it.
    enableRbacAuthorization: true
    accessPolicies: []
    enableSoftDelete: true
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

// Created only when a key is passed, so a deployment without one leaves a rotated key alone.
resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(sendGridApiKey)) {
  parent: keyVault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'SendGrid API key'
  }
}

// ---------------------------------------------------------------------------------------------
// Role assignments: the data-plane roles the managed identity needs, nothing wider
// ---------------------------------------------------------------------------------------------

// Storage Blob Data Owner. The Functions host's identity-based AzureWebJobsStorage needs Owner,
// not Contributor, for its blob leases and key containers; it also covers the deployment package
// and deal-files, so Storage Blob Data Contributor would only duplicate it.
resource storageBlobDataOwner 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
}

// Storage Queue Data Contributor: the step-effects trigger reads and deletes messages, the app
// sends them and the runtime moves poisoned ones; Contributor covers all three.
resource storageQueueDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
}

// Storage Table Data Contributor: the app's tables, and the host's diagnostic events.
resource storageTableDataContributor 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
}

// Key Vault Secrets User: resolves the SendGrid Key Vault reference.
resource keyVaultSecretsUser 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '4633458b-17de-408a-b874-0445c86b69e6'
}

// Monitoring Metrics Publisher: lets the host send telemetry with Entra ID instead of the key.
resource monitoringMetricsPublisher 'Microsoft.Authorization/roleDefinitions@2022-04-01' existing = {
  scope: subscription()
  name: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Storage Blob Data Owner on the storage account.
resource blobOwnerAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwner.id)
  scope: storage
  properties: {
    roleDefinitionId: storageBlobDataOwner.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Queue Data Contributor on the storage account.
resource queueContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor.id)
  scope: storage
  properties: {
    roleDefinitionId: storageQueueDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor on the storage account.
resource tableContributorAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor.id)
  scope: storage
  properties: {
    roleDefinitionId: storageTableDataContributor.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User on the vault.
resource secretsUserAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, identity.id, keyVaultSecretsUser.id)
  scope: keyVault
  properties: {
    roleDefinitionId: keyVaultSecretsUser.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher on the Application Insights component.
resource metricsPublisherAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, monitoringMetricsPublisher.id)
  scope: applicationInsights
  properties: {
    roleDefinitionId: monitoringMetricsPublisher.id
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// ---------------------------------------------------------------------------------------------
// Function app on Flex Consumption
// ---------------------------------------------------------------------------------------------

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: functionAppName
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainer.name}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource ftpPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishingCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: functionApp
  name: 'scm'
  properties: {
    allow: false
  }
}

// A separate resource so the settings can use the site's own host name. It waits for the role
// assignments so the host's first start already has access to storage and the vault.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: {
    // Host storage, identity-based: no connection string and no key.
    AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    AzureWebJobsStorage__credential: 'managedidentity'
    AzureWebJobsStorage__clientId: identity.properties.clientId

    // The app's own connection, ProcessStorage, also used by the step-effects queue trigger.
    ProcessStorage__tableServiceUri: storage.properties.primaryEndpoints.table
    ProcessStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
    ProcessStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
    ProcessStorage__credential: 'managedidentity'
    ProcessStorage__clientId: identity.properties.clientId

    // Versionless reference: a key rotated in the vault is picked up without redeploying.
    SendGrid__ApiKey: '@Microsoft.KeyVault(SecretUri=${keyVault.properties.vaultUri}secrets/${sendGridSecretName})'
    SendGrid__FromAddress: sendGridFromAddress
    SendGrid__FromName: sendGridFromName

    App__PublicUrl: effectivePublicUrl
    Webhooks__AllowPrivateTargets: 'false'

    APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
    APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.properties.clientId};Authorization=AAD'
  }
  dependsOn: [
    blobOwnerAssignment
    queueContributorAssignment
    tableContributorAssignment
    secretsUserAssignment
    metricsPublisherAssignment
    tables
    queues
    dealFilesContainer
  ]
}

// ---------------------------------------------------------------------------------------------
// Outputs (no secrets)
// ---------------------------------------------------------------------------------------------

@description('Name of the function app, for az functionapp deploy and az functionapp keys list.')
output functionAppName string = functionApp.name

@description('Default host name of the function app.')
output functionAppHostName string = functionApp.properties.defaultHostName

@description('Base URL the app puts into notification links.')
output effectivePublicUrl string = effectivePublicUrl

@description('Name of the storage account holding tables, queues, deal files and the deployment package.')
output storageAccountName string = storage.name

@description('Name of the Key Vault holding the SendGrid API key.')
output keyVaultName string = keyVault.name

@description('Name of the Key Vault secret the app reads as SendGrid__ApiKey.')
output sendGridSecretName string = sendGridSecretName

@description('Client id of the user-assigned managed identity the app runs as.')
output identityClientId string = identity.properties.clientId

@description('Principal (object) id of the user-assigned managed identity.')
output identityPrincipalId string = identity.properties.principalId

@description('Name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

/* eslint-disable */
import * as types from './graphql.ts';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AuthCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": typeof types.AuthCreateKeyDocument,
    "\n  query AuthKeys($input: ApiKeysInput) {\n    apiKeys(input: $input) {\n      nodes {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      totalCount\n    }\n  }\n": typeof types.AuthKeysDocument,
    "\n  mutation AuthRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n": typeof types.AuthRevokeKeyDocument,
    "\n  mutation AuthCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AuthCreateWorkspaceDocument,
    "\n  query AuthWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.AuthWorkspaceDocument,
    "\n  query AuthWorkspaces {\n    workspaces {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n": typeof types.AuthWorkspacesDocument,
    "\n  mutation AuthUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AuthUpdateWorkspaceDocument,
    "\n  mutation AuthDeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.AuthDeleteWorkspaceDocument,
    "\n  query AuthWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      label\n    }\n  }\n": typeof types.AuthWebhookDocument,
    "\n  query Drivers {\n    drivers {\n      name\n      channels\n      configFields {\n        name\n        type\n        required\n        secret\n        default\n        description\n      }\n    }\n  }\n": typeof types.DriversDocument,
    "\n  mutation SmppDeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n": typeof types.SmppDeviceUpdateDocument,
    "\n  mutation WaSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n": typeof types.WaSendDocument,
    "\n  mutation ClientCreate($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      workspaceId\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n": typeof types.ClientCreateDocument,
    "\n  mutation ClientUpdate($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      phone\n      name\n      surname\n      email\n      city\n      country\n      tags\n      patchedAt\n    }\n  }\n": typeof types.ClientUpdateDocument,
    "\n  mutation ClientDelete($input: ClientIdInput!) {\n    deleteClient(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.ClientDeleteDocument,
    "\n  query ClientGet($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      tags\n    }\n  }\n": typeof types.ClientGetDocument,
    "\n  query ClientList($input: ClientsInput) {\n    clients(input: $input) {\n      nodes {\n        id\n        phone\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ClientListDocument,
    "\n  mutation ClientInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n    }\n  }\n": typeof types.ClientInboundDocument,
    "\n  mutation ConvInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": typeof types.ConvInboundDocument,
    "\n  mutation ConvSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": typeof types.ConvSendDocument,
    "\n  query ConvList($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        channel\n        clientId\n        deviceId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ConvListDocument,
    "\n  query ConvGet($id: ID!, $first: Int, $after: String) {\n    conversation(id: $id) {\n      id\n      status\n      channel\n      clientId\n      deviceId\n      lastInboundAt\n      lastMessageAt\n      createdAt\n      endedAt\n      endReason\n      client {\n        phone\n      }\n      device {\n        id\n      }\n      messages(first: $first, after: $after) {\n        nodes {\n          id\n          content\n          direction\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": typeof types.ConvGetDocument,
    "\n  mutation ConvEnd($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n": typeof types.ConvEndDocument,
    "\n  mutation IdleInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n": typeof types.IdleInboundDocument,
    "\n  query IdleConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n": typeof types.IdleConversationDocument,
    "\n  mutation AdEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n": typeof types.AdEnableDocument,
    "\n  mutation CrashCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n": typeof types.CrashCreateClientDocument,
    "\n  query DlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      externalId\n      providerMessageId\n      conversationId\n      clientId\n      deviceId\n      content\n      createdAt\n      status\n    }\n  }\n": typeof types.DlMessageDocument,
    "\n  query DlConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      createdAt\n      endedAt\n    }\n  }\n": typeof types.DlConversationDocument,
    "\n  query DlClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n": typeof types.DlClientDocument,
    "\n  query DlEventIds($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": typeof types.DlEventIdsDocument,
    "\n  mutation DlLiveChatCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": typeof types.DlLiveChatCreateDocument,
    "\n  mutation DlLiveChatStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      connections {\n        ok\n        error\n      }\n    }\n  }\n": typeof types.DlLiveChatStartDocument,
    "\n  mutation DlRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n    }\n  }\n": typeof types.DlRotateDocument,
    "\n  mutation DlTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      eventId\n    }\n  }\n": typeof types.DlTestDocument,
    "\n  query ObEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": typeof types.ObEventsDocument,
    "\n  mutation ObCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n": typeof types.ObCreateClientDocument,
    "\n  mutation RtReplayWebhook($input: WebhookReplayInput!) {\n    replayWebhook(input: $input) {\n      count\n    }\n  }\n": typeof types.RtReplayWebhookDocument,
    "\n  mutation SsrfCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n    }\n  }\n": typeof types.SsrfCreateDocument,
    "\n  mutation SsrfUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n    }\n  }\n": typeof types.SsrfUpdateDocument,
    "\n  mutation SsrfWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.SsrfWorkspaceDocument,
    "\n  mutation SsrfLiveChat($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n    }\n  }\n": typeof types.SsrfLiveChatDocument,
    "\n  mutation SubCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n    }\n  }\n": typeof types.SubCreateDocument,
    "\n  query SubTestDelivery($id: ID!) {\n    webhook(id: $id) {\n      testDelivery {\n        id\n        status\n        lastStatusCode\n        event {\n          type\n        }\n        attempts {\n          number\n          statusCode\n          durationMs\n          responseBody\n        }\n      }\n    }\n  }\n": typeof types.SubTestDeliveryDocument,
    "\n  query SubEvents($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": typeof types.SubEventsDocument,
    "\n  query EndpointConversations($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        clientId\n        deviceId\n        lastInboundAt\n        client {\n          phone\n        }\n      }\n      totalCount\n    }\n  }\n": typeof types.EndpointConversationsDocument,
    "\n  mutation DeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        workspaceId\n        label\n        channel\n        address\n        driver\n        config\n        integrationType\n        status\n        lastError\n        activatedAt\n        tokenPrefix\n        inboundUrl\n        statusUrl\n      }\n    }\n  }\n": typeof types.DeviceCreateDocument,
    "\n  mutation DeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n      label\n      config\n      integrationType\n    }\n  }\n": typeof types.DeviceUpdateDocument,
    "\n  mutation DeviceDelete($input: DeviceIdInput!) {\n    deleteDevice(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.DeviceDeleteDocument,
    "\n  query DeviceGet($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      lastError\n      activatedAt\n      label\n      config\n      tokenPrefix\n    }\n  }\n": typeof types.DeviceGetDocument,
    "\n  query DeviceList($input: DevicesInput) {\n    devices(input: $input) {\n      nodes {\n        id\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.DeviceListDocument,
    "\n  mutation DeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        id\n        status\n        lastError\n      }\n    }\n  }\n": typeof types.DeviceActivateDocument,
    "\n  mutation DeviceDeactivate($input: DevicesActivateInput!) {\n    deactivateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n      }\n      device {\n        status\n      }\n    }\n  }\n": typeof types.DeviceDeactivateDocument,
    "\n  mutation ErrorsCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ErrorsCreateWorkspaceDocument,
    "\n  query ErrorsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": typeof types.ErrorsWorkspacesDocument,
    "\n  mutation ErrorsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.ErrorsCreateKeyDocument,
    "\n  query TwilioIds($id: Int!) {\n    workspace(id: $id) {\n      accountSid\n    }\n    apiKeys(input: { workspaceId: $id }) {\n      nodes {\n        sid\n      }\n    }\n  }\n": typeof types.TwilioIdsDocument,
    "\n  mutation SetTwilioSmsUrl($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      twilioSmsUrl\n    }\n  }\n": typeof types.SetTwilioSmsUrlDocument,
    "\n  mutation ReplayTwilioDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n    }\n  }\n": typeof types.ReplayTwilioDeliveryDocument,
    "\n  mutation LcReplay($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.LcReplayDocument,
    "\n  query LcDeliveryAttempts($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      attemptCount\n      attempts {\n        number\n        statusCode\n        error\n      }\n    }\n  }\n": typeof types.LcDeliveryAttemptsDocument,
    "\n  mutation LcSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      deviceId\n      conversationId\n    }\n  }\n": typeof types.LcSendDocument,
    "\n  mutation LogsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n      }\n    }\n  }\n": typeof types.LogsCreateKeyDocument,
    "\n  mutation LogsRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n    }\n  }\n": typeof types.LogsRevokeKeyDocument,
    "\n  query LogsWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      headers\n      webhookSigningSecret\n    }\n  }\n": typeof types.LogsWorkspaceDocument,
    "\n  mutation LogsUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.LogsUpdateWorkspaceDocument,
    "\n  query LogsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      totalCount\n    }\n  }\n": typeof types.LogsWorkspacesDocument,
    "\n  mutation FlowSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      direction\n      status\n      content\n      clientId\n      conversationId\n    }\n  }\n": typeof types.FlowSimulateInboundDocument,
    "\n  query FlowClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n    }\n  }\n": typeof types.FlowClientDocument,
    "\n  query FlowConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      clientId\n      deviceId\n      channel\n      lastInboundAt\n    }\n  }\n": typeof types.FlowConversationDocument,
    "\n  query SharedLimitMessages {\n    messages {\n      totalCount\n    }\n  }\n": typeof types.SharedLimitMessagesDocument,
    "\n  mutation GqlSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      workspaceId\n      status\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      userId\n      isAgent\n      segments\n      encoding\n      clientId\n      conversationId\n      deviceId\n      client {\n        phone\n      }\n    }\n  }\n": typeof types.GqlSendDocument,
    "\n  query GqlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      content\n      providerMessageId\n      sentAt\n      deliveredAt\n      conversation {\n        id\n        status\n      }\n      device {\n        id\n        channel\n      }\n    }\n  }\n": typeof types.GqlMessageDocument,
    "\n  query GqlMessages($input: MessagesInput) {\n    messages(input: $input) {\n      nodes {\n        id\n        content\n        direction\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.GqlMessagesDocument,
    "\n  mutation GqlInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": typeof types.GqlInboundDocument,
    "\n  mutation WindowSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      type\n      status\n    }\n  }\n": typeof types.WindowSendDocument,
    "\n  mutation WindowInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n": typeof types.WindowInboundDocument,
    "\n  query DoorMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n    }\n  }\n": typeof types.DoorMessagesDocument,
    "\n  mutation LifecycleCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.LifecycleCreateWorkspaceDocument,
    "\n  mutation ProcCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.ProcCreateWorkspaceDocument,
    "\n  query ProcWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": typeof types.ProcWorkspaceDocument,
    "\n  mutation RootHomeCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      name\n    }\n  }\n": typeof types.RootHomeCreateWorkspaceDocument,
    "\n  query DhDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        eventId\n        webhookId\n        liveChatIntegrationId\n        targetKind\n        status\n        attemptCount\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        createdAt\n        succeededAt\n        event {\n          id\n          type\n        }\n        attempts {\n          number\n          trigger\n          url\n          startedAt\n          durationMs\n          statusCode\n          errorKind\n          error\n          responseBody\n        }\n      }\n    }\n  }\n": typeof types.DhDeliveriesDocument,
    "\n  query DhWebhookState($id: ID!) {\n    webhook(id: $id) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n    }\n  }\n": typeof types.DhWebhookStateDocument,
    "\n  mutation DhCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      phone\n      createdAt\n      patchedAt\n    }\n  }\n": typeof types.DhCreateClientDocument,
    "\n  mutation DhUpdateClient($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      patchedAt\n    }\n  }\n": typeof types.DhUpdateClientDocument,
    "\n  mutation DhSendMessage($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      externalId\n      conversationId\n      clientId\n      deviceId\n      status\n    }\n  }\n": typeof types.DhSendMessageDocument,
    "\n  mutation DhSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n": typeof types.DhSimulateInboundDocument,
    "\n  mutation DhEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n": typeof types.DhEndConversationDocument,
    "\n  mutation DriverDeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        callbackUrl\n      }\n    }\n  }\n": typeof types.DriverDeviceCreateDocument,
    "\n  mutation DriverDeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        status\n        lastError\n      }\n    }\n  }\n": typeof types.DriverDeviceActivateDocument,
    "\n  query DriverMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      providerMessageId\n      rawStatus\n      errorCode\n      error\n      nextAttemptAt\n      queuedReason\n      attachments\n      content\n      type\n    }\n  }\n": typeof types.DriverMessageDocument,
    "\n  query DriverDeviceState($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      callbackUrl\n      config\n    }\n  }\n": typeof types.DriverDeviceStateDocument,
    "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": typeof types.FixtureWorkspaceDocument,
    "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.FixtureKeyDocument,
    "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n": typeof types.FixtureDeviceDocument,
    "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.FixtureActivateDocument,
    "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": typeof types.FixtureWebhookDocument,
    "\n  fragment LcIntegrationFields on LiveChatIntegration {\n    id\n    workspaceId\n    alias\n    status\n    lastError\n    url\n    method\n    queryParams {\n      key\n      type\n      value\n    }\n    headers\n    headerFields {\n      key\n      type\n      value\n    }\n    auth {\n      type\n      headerName\n      username\n      secret\n    }\n    bodyFields {\n      key\n      type\n      value\n    }\n    permanentStatusCodes\n    signingSecret\n    responseEndpoint\n    connections {\n      id\n      deviceId\n      channel\n      sender\n      status\n      error\n      device {\n        id\n        status\n        lastError\n      }\n    }\n    createdAt\n    updatedAt\n  }\n": typeof types.LcIntegrationFieldsFragmentDoc,
    "\n  mutation LcCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": typeof types.LcCreateDocument,
    "\n  mutation LcUpdate($input: LiveChatIntegrationUpdateInput!) {\n    updateLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": typeof types.LcUpdateDocument,
    "\n  mutation LcDelete($input: LiveChatIntegrationIdInput!) {\n    deleteLiveChatIntegration(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.LcDeleteDocument,
    "\n  query LcGet($id: ID!) {\n    liveChatIntegration(id: $id) {\n      ...LcIntegrationFields\n    }\n  }\n": typeof types.LcGetDocument,
    "\n  query LcList($input: LiveChatIntegrationsInput) {\n    liveChatIntegrations(input: $input) {\n      nodes {\n        id\n        alias\n        status\n        workspaceId\n      }\n      totalCount\n    }\n  }\n": typeof types.LcListDocument,
    "\n  mutation LcStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        ...LcIntegrationFields\n      }\n      connections {\n        connectionId\n        deviceId\n        ok\n        error\n        errorCode\n      }\n    }\n  }\n": typeof types.LcStartDocument,
    "\n  mutation LcStop($input: LiveChatIntegrationIdInput!) {\n    stopLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": typeof types.LcStopDocument,
    "\n  query LcCurl($id: ID!, $contact: String!, $connectionId: ID, $message: String) {\n    liveChatIntegration(id: $id) {\n      id\n      responseEndpoint\n      curlExample(contact: $contact, connectionId: $connectionId, message: $message)\n    }\n  }\n": typeof types.LcCurlDocument,
    "\n  mutation LcCreateDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        address\n        channel\n        status\n      }\n    }\n  }\n": typeof types.LcCreateDeviceDocument,
    "\n  query LcDevice($id: ID!) {\n    device(id: $id) {\n      id\n      address\n      channel\n      status\n      lastError\n    }\n  }\n": typeof types.LcDeviceDocument,
    "\n  mutation LcUpdateDevice($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n": typeof types.LcUpdateDeviceDocument,
    "\n  mutation LcActivateDevices($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": typeof types.LcActivateDevicesDocument,
    "\n  mutation LcInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n": typeof types.LcInboundDocument,
    "\n  mutation LcEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n": typeof types.LcEndConversationDocument,
    "\n  query LcMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      deviceId\n      direction\n      channel\n      content\n      externalId\n      providerMessageId\n      isAgent\n      status\n      rawStatus\n      sentAt\n      deliveredAt\n      readAt\n      client {\n        phone\n      }\n    }\n  }\n": typeof types.LcMessageDocument,
    "\n  query LcMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n      nodes {\n        id\n        direction\n        content\n        status\n      }\n    }\n  }\n": typeof types.LcMessagesDocument,
    "\n  query LcDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        status\n        eventId\n        liveChatIntegrationId\n        targetKind\n        event {\n          type\n        }\n      }\n    }\n  }\n": typeof types.LcDeliveriesDocument,
    "\n  mutation MessagingWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": typeof types.MessagingWorkspaceDocument,
    "\n  mutation MessagingKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": typeof types.MessagingKeyDocument,
    "\n  query MessagingMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      clientId\n      deviceId\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      providerMessageId\n      userId\n      isAgent\n      status\n      rawStatus\n      errorCode\n      error\n      segments\n      encoding\n      createdAt\n      sentAt\n      deliveredAt\n      readAt\n      failedAt\n    }\n  }\n": typeof types.MessagingMessageDocument,
    "\n  query SmppDevice($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      link {\n        state\n        since\n        lastError\n        inFlight\n        holder\n      }\n    }\n  }\n": typeof types.SmppDeviceDocument,
    "\n  mutation TwilioWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      accountSid\n      webhookSigningSecret\n    }\n  }\n": typeof types.TwilioWorkspaceDocument,
    "\n  mutation TwilioKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        sid\n      }\n    }\n  }\n": typeof types.TwilioKeyDocument,
    "\n  query webhooks($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      nodes {\n        workspaceId\n        id\n        label\n        url\n        event\n        createdAt\n      }\n    }\n  }\n": typeof types.WebhooksDocument,
    "\n  mutation createWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      workspaceId\n      id\n      label\n      url\n      event\n      headers\n      createdAt\n    }\n  }\n": typeof types.CreateWebhookDocument,
    "\n  query WhWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      workspaceId\n      label\n      url\n      event\n      method\n      channels\n      directions\n      statuses\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      permanentStatusCodes\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.WhWebhookDocument,
    "\n  query WhWebhookList($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      totalCount\n      nodes {\n        id\n        headers\n        headerFields {\n          key\n          value\n        }\n        auth {\n          secret\n        }\n        signingSecret\n      }\n    }\n  }\n": typeof types.WhWebhookListDocument,
    "\n  mutation WhCreateFull($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n      method\n      event\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n      signingSecret\n      enabled\n    }\n  }\n": typeof types.WhCreateFullDocument,
    "\n  mutation WhUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      label\n      url\n      event\n      method\n      headers\n      auth {\n        type\n        secret\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n    }\n  }\n": typeof types.WhUpdateDocument,
    "\n  mutation WhDelete($input: WebhookIdInput!) {\n    deleteWebhook(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.WhDeleteDocument,
    "\n  mutation WhDisable($input: WebhookDisableInput!) {\n    disableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n": typeof types.WhDisableDocument,
    "\n  mutation WhEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n": typeof types.WhEnableDocument,
    "\n  mutation WhRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": typeof types.WhRotateDocument,
    "\n  mutation WhTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      status\n      webhookId\n      event {\n        id\n        type\n      }\n    }\n  }\n": typeof types.WhTestDocument,
    "\n  query WhDelivery($id: ID!) {\n    delivery(id: $id) {\n      id\n      workspaceId\n      eventId\n      webhookId\n      targetKind\n      status\n      attemptCount\n      lastStatusCode\n      succeededAt\n      event {\n        id\n        type\n        payload\n        createdAt\n      }\n      attempts {\n        number\n        trigger\n        statusCode\n        errorKind\n        durationMs\n        startedAt\n        responseBody\n      }\n    }\n  }\n": typeof types.WhDeliveryDocument,
    "\n  query WhEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        workspaceId\n        type\n        payload\n        createdAt\n      }\n    }\n  }\n": typeof types.WhEventsDocument,
    "\n  mutation WhReplayDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n": typeof types.WhReplayDeliveryDocument,
    "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n": typeof types.GetWorkspaceDocument,
    "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": typeof types.ListWorkspacesDocument,
    "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n": typeof types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": typeof types.DeleteWorkspaceDocument,
};
const documents: Documents = {
    "\n  mutation AuthCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n": types.AuthCreateKeyDocument,
    "\n  query AuthKeys($input: ApiKeysInput) {\n    apiKeys(input: $input) {\n      nodes {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      totalCount\n    }\n  }\n": types.AuthKeysDocument,
    "\n  mutation AuthRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n": types.AuthRevokeKeyDocument,
    "\n  mutation AuthCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": types.AuthCreateWorkspaceDocument,
    "\n  query AuthWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": types.AuthWorkspaceDocument,
    "\n  query AuthWorkspaces {\n    workspaces {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n": types.AuthWorkspacesDocument,
    "\n  mutation AuthUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": types.AuthUpdateWorkspaceDocument,
    "\n  mutation AuthDeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.AuthDeleteWorkspaceDocument,
    "\n  query AuthWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      label\n    }\n  }\n": types.AuthWebhookDocument,
    "\n  query Drivers {\n    drivers {\n      name\n      channels\n      configFields {\n        name\n        type\n        required\n        secret\n        default\n        description\n      }\n    }\n  }\n": types.DriversDocument,
    "\n  mutation SmppDeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n": types.SmppDeviceUpdateDocument,
    "\n  mutation WaSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n": types.WaSendDocument,
    "\n  mutation ClientCreate($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      workspaceId\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n": types.ClientCreateDocument,
    "\n  mutation ClientUpdate($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      phone\n      name\n      surname\n      email\n      city\n      country\n      tags\n      patchedAt\n    }\n  }\n": types.ClientUpdateDocument,
    "\n  mutation ClientDelete($input: ClientIdInput!) {\n    deleteClient(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.ClientDeleteDocument,
    "\n  query ClientGet($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      tags\n    }\n  }\n": types.ClientGetDocument,
    "\n  query ClientList($input: ClientsInput) {\n    clients(input: $input) {\n      nodes {\n        id\n        phone\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ClientListDocument,
    "\n  mutation ClientInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n    }\n  }\n": types.ClientInboundDocument,
    "\n  mutation ConvInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": types.ConvInboundDocument,
    "\n  mutation ConvSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": types.ConvSendDocument,
    "\n  query ConvList($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        channel\n        clientId\n        deviceId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ConvListDocument,
    "\n  query ConvGet($id: ID!, $first: Int, $after: String) {\n    conversation(id: $id) {\n      id\n      status\n      channel\n      clientId\n      deviceId\n      lastInboundAt\n      lastMessageAt\n      createdAt\n      endedAt\n      endReason\n      client {\n        phone\n      }\n      device {\n        id\n      }\n      messages(first: $first, after: $after) {\n        nodes {\n          id\n          content\n          direction\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n": types.ConvGetDocument,
    "\n  mutation ConvEnd($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n": types.ConvEndDocument,
    "\n  mutation IdleInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n": types.IdleInboundDocument,
    "\n  query IdleConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n": types.IdleConversationDocument,
    "\n  mutation AdEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n": types.AdEnableDocument,
    "\n  mutation CrashCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n": types.CrashCreateClientDocument,
    "\n  query DlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      externalId\n      providerMessageId\n      conversationId\n      clientId\n      deviceId\n      content\n      createdAt\n      status\n    }\n  }\n": types.DlMessageDocument,
    "\n  query DlConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      createdAt\n      endedAt\n    }\n  }\n": types.DlConversationDocument,
    "\n  query DlClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n": types.DlClientDocument,
    "\n  query DlEventIds($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": types.DlEventIdsDocument,
    "\n  mutation DlLiveChatCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": types.DlLiveChatCreateDocument,
    "\n  mutation DlLiveChatStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      connections {\n        ok\n        error\n      }\n    }\n  }\n": types.DlLiveChatStartDocument,
    "\n  mutation DlRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n    }\n  }\n": types.DlRotateDocument,
    "\n  mutation DlTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      eventId\n    }\n  }\n": types.DlTestDocument,
    "\n  query ObEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": types.ObEventsDocument,
    "\n  mutation ObCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n": types.ObCreateClientDocument,
    "\n  mutation RtReplayWebhook($input: WebhookReplayInput!) {\n    replayWebhook(input: $input) {\n      count\n    }\n  }\n": types.RtReplayWebhookDocument,
    "\n  mutation SsrfCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n    }\n  }\n": types.SsrfCreateDocument,
    "\n  mutation SsrfUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n    }\n  }\n": types.SsrfUpdateDocument,
    "\n  mutation SsrfWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": types.SsrfWorkspaceDocument,
    "\n  mutation SsrfLiveChat($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n    }\n  }\n": types.SsrfLiveChatDocument,
    "\n  mutation SubCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n    }\n  }\n": types.SubCreateDocument,
    "\n  query SubTestDelivery($id: ID!) {\n    webhook(id: $id) {\n      testDelivery {\n        id\n        status\n        lastStatusCode\n        event {\n          type\n        }\n        attempts {\n          number\n          statusCode\n          durationMs\n          responseBody\n        }\n      }\n    }\n  }\n": types.SubTestDeliveryDocument,
    "\n  query SubEvents($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n": types.SubEventsDocument,
    "\n  query EndpointConversations($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        clientId\n        deviceId\n        lastInboundAt\n        client {\n          phone\n        }\n      }\n      totalCount\n    }\n  }\n": types.EndpointConversationsDocument,
    "\n  mutation DeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        workspaceId\n        label\n        channel\n        address\n        driver\n        config\n        integrationType\n        status\n        lastError\n        activatedAt\n        tokenPrefix\n        inboundUrl\n        statusUrl\n      }\n    }\n  }\n": types.DeviceCreateDocument,
    "\n  mutation DeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n      label\n      config\n      integrationType\n    }\n  }\n": types.DeviceUpdateDocument,
    "\n  mutation DeviceDelete($input: DeviceIdInput!) {\n    deleteDevice(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.DeviceDeleteDocument,
    "\n  query DeviceGet($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      lastError\n      activatedAt\n      label\n      config\n      tokenPrefix\n    }\n  }\n": types.DeviceGetDocument,
    "\n  query DeviceList($input: DevicesInput) {\n    devices(input: $input) {\n      nodes {\n        id\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.DeviceListDocument,
    "\n  mutation DeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        id\n        status\n        lastError\n      }\n    }\n  }\n": types.DeviceActivateDocument,
    "\n  mutation DeviceDeactivate($input: DevicesActivateInput!) {\n    deactivateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n      }\n      device {\n        status\n      }\n    }\n  }\n": types.DeviceDeactivateDocument,
    "\n  mutation ErrorsCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": types.ErrorsCreateWorkspaceDocument,
    "\n  query ErrorsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n": types.ErrorsWorkspacesDocument,
    "\n  mutation ErrorsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        id\n      }\n    }\n  }\n": types.ErrorsCreateKeyDocument,
    "\n  query TwilioIds($id: Int!) {\n    workspace(id: $id) {\n      accountSid\n    }\n    apiKeys(input: { workspaceId: $id }) {\n      nodes {\n        sid\n      }\n    }\n  }\n": types.TwilioIdsDocument,
    "\n  mutation SetTwilioSmsUrl($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      twilioSmsUrl\n    }\n  }\n": types.SetTwilioSmsUrlDocument,
    "\n  mutation ReplayTwilioDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n    }\n  }\n": types.ReplayTwilioDeliveryDocument,
    "\n  mutation LcReplay($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n": types.LcReplayDocument,
    "\n  query LcDeliveryAttempts($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      attemptCount\n      attempts {\n        number\n        statusCode\n        error\n      }\n    }\n  }\n": types.LcDeliveryAttemptsDocument,
    "\n  mutation LcSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      deviceId\n      conversationId\n    }\n  }\n": types.LcSendDocument,
    "\n  mutation LogsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n      }\n    }\n  }\n": types.LogsCreateKeyDocument,
    "\n  mutation LogsRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n    }\n  }\n": types.LogsRevokeKeyDocument,
    "\n  query LogsWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      headers\n      webhookSigningSecret\n    }\n  }\n": types.LogsWorkspaceDocument,
    "\n  mutation LogsUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n    }\n  }\n": types.LogsUpdateWorkspaceDocument,
    "\n  query LogsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      totalCount\n    }\n  }\n": types.LogsWorkspacesDocument,
    "\n  mutation FlowSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      direction\n      status\n      content\n      clientId\n      conversationId\n    }\n  }\n": types.FlowSimulateInboundDocument,
    "\n  query FlowClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n    }\n  }\n": types.FlowClientDocument,
    "\n  query FlowConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      clientId\n      deviceId\n      channel\n      lastInboundAt\n    }\n  }\n": types.FlowConversationDocument,
    "\n  query SharedLimitMessages {\n    messages {\n      totalCount\n    }\n  }\n": types.SharedLimitMessagesDocument,
    "\n  mutation GqlSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      workspaceId\n      status\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      userId\n      isAgent\n      segments\n      encoding\n      clientId\n      conversationId\n      deviceId\n      client {\n        phone\n      }\n    }\n  }\n": types.GqlSendDocument,
    "\n  query GqlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      content\n      providerMessageId\n      sentAt\n      deliveredAt\n      conversation {\n        id\n        status\n      }\n      device {\n        id\n        channel\n      }\n    }\n  }\n": types.GqlMessageDocument,
    "\n  query GqlMessages($input: MessagesInput) {\n    messages(input: $input) {\n      nodes {\n        id\n        content\n        direction\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.GqlMessagesDocument,
    "\n  mutation GqlInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n": types.GqlInboundDocument,
    "\n  mutation WindowSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      type\n      status\n    }\n  }\n": types.WindowSendDocument,
    "\n  mutation WindowInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n": types.WindowInboundDocument,
    "\n  query DoorMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n    }\n  }\n": types.DoorMessagesDocument,
    "\n  mutation LifecycleCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": types.LifecycleCreateWorkspaceDocument,
    "\n  mutation ProcCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n": types.ProcCreateWorkspaceDocument,
    "\n  query ProcWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n": types.ProcWorkspaceDocument,
    "\n  mutation RootHomeCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      name\n    }\n  }\n": types.RootHomeCreateWorkspaceDocument,
    "\n  query DhDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        eventId\n        webhookId\n        liveChatIntegrationId\n        targetKind\n        status\n        attemptCount\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        createdAt\n        succeededAt\n        event {\n          id\n          type\n        }\n        attempts {\n          number\n          trigger\n          url\n          startedAt\n          durationMs\n          statusCode\n          errorKind\n          error\n          responseBody\n        }\n      }\n    }\n  }\n": types.DhDeliveriesDocument,
    "\n  query DhWebhookState($id: ID!) {\n    webhook(id: $id) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n    }\n  }\n": types.DhWebhookStateDocument,
    "\n  mutation DhCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      phone\n      createdAt\n      patchedAt\n    }\n  }\n": types.DhCreateClientDocument,
    "\n  mutation DhUpdateClient($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      patchedAt\n    }\n  }\n": types.DhUpdateClientDocument,
    "\n  mutation DhSendMessage($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      externalId\n      conversationId\n      clientId\n      deviceId\n      status\n    }\n  }\n": types.DhSendMessageDocument,
    "\n  mutation DhSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n": types.DhSimulateInboundDocument,
    "\n  mutation DhEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n": types.DhEndConversationDocument,
    "\n  mutation DriverDeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        callbackUrl\n      }\n    }\n  }\n": types.DriverDeviceCreateDocument,
    "\n  mutation DriverDeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        status\n        lastError\n      }\n    }\n  }\n": types.DriverDeviceActivateDocument,
    "\n  query DriverMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      providerMessageId\n      rawStatus\n      errorCode\n      error\n      nextAttemptAt\n      queuedReason\n      attachments\n      content\n      type\n    }\n  }\n": types.DriverMessageDocument,
    "\n  query DriverDeviceState($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      callbackUrl\n      config\n    }\n  }\n": types.DriverDeviceStateDocument,
    "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": types.FixtureWorkspaceDocument,
    "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.FixtureKeyDocument,
    "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n": types.FixtureDeviceDocument,
    "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.FixtureActivateDocument,
    "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": types.FixtureWebhookDocument,
    "\n  fragment LcIntegrationFields on LiveChatIntegration {\n    id\n    workspaceId\n    alias\n    status\n    lastError\n    url\n    method\n    queryParams {\n      key\n      type\n      value\n    }\n    headers\n    headerFields {\n      key\n      type\n      value\n    }\n    auth {\n      type\n      headerName\n      username\n      secret\n    }\n    bodyFields {\n      key\n      type\n      value\n    }\n    permanentStatusCodes\n    signingSecret\n    responseEndpoint\n    connections {\n      id\n      deviceId\n      channel\n      sender\n      status\n      error\n      device {\n        id\n        status\n        lastError\n      }\n    }\n    createdAt\n    updatedAt\n  }\n": types.LcIntegrationFieldsFragmentDoc,
    "\n  mutation LcCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": types.LcCreateDocument,
    "\n  mutation LcUpdate($input: LiveChatIntegrationUpdateInput!) {\n    updateLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": types.LcUpdateDocument,
    "\n  mutation LcDelete($input: LiveChatIntegrationIdInput!) {\n    deleteLiveChatIntegration(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.LcDeleteDocument,
    "\n  query LcGet($id: ID!) {\n    liveChatIntegration(id: $id) {\n      ...LcIntegrationFields\n    }\n  }\n": types.LcGetDocument,
    "\n  query LcList($input: LiveChatIntegrationsInput) {\n    liveChatIntegrations(input: $input) {\n      nodes {\n        id\n        alias\n        status\n        workspaceId\n      }\n      totalCount\n    }\n  }\n": types.LcListDocument,
    "\n  mutation LcStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        ...LcIntegrationFields\n      }\n      connections {\n        connectionId\n        deviceId\n        ok\n        error\n        errorCode\n      }\n    }\n  }\n": types.LcStartDocument,
    "\n  mutation LcStop($input: LiveChatIntegrationIdInput!) {\n    stopLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n": types.LcStopDocument,
    "\n  query LcCurl($id: ID!, $contact: String!, $connectionId: ID, $message: String) {\n    liveChatIntegration(id: $id) {\n      id\n      responseEndpoint\n      curlExample(contact: $contact, connectionId: $connectionId, message: $message)\n    }\n  }\n": types.LcCurlDocument,
    "\n  mutation LcCreateDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        address\n        channel\n        status\n      }\n    }\n  }\n": types.LcCreateDeviceDocument,
    "\n  query LcDevice($id: ID!) {\n    device(id: $id) {\n      id\n      address\n      channel\n      status\n      lastError\n    }\n  }\n": types.LcDeviceDocument,
    "\n  mutation LcUpdateDevice($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n": types.LcUpdateDeviceDocument,
    "\n  mutation LcActivateDevices($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n": types.LcActivateDevicesDocument,
    "\n  mutation LcInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n": types.LcInboundDocument,
    "\n  mutation LcEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n": types.LcEndConversationDocument,
    "\n  query LcMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      deviceId\n      direction\n      channel\n      content\n      externalId\n      providerMessageId\n      isAgent\n      status\n      rawStatus\n      sentAt\n      deliveredAt\n      readAt\n      client {\n        phone\n      }\n    }\n  }\n": types.LcMessageDocument,
    "\n  query LcMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n      nodes {\n        id\n        direction\n        content\n        status\n      }\n    }\n  }\n": types.LcMessagesDocument,
    "\n  query LcDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        status\n        eventId\n        liveChatIntegrationId\n        targetKind\n        event {\n          type\n        }\n      }\n    }\n  }\n": types.LcDeliveriesDocument,
    "\n  mutation MessagingWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n": types.MessagingWorkspaceDocument,
    "\n  mutation MessagingKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n": types.MessagingKeyDocument,
    "\n  query MessagingMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      clientId\n      deviceId\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      providerMessageId\n      userId\n      isAgent\n      status\n      rawStatus\n      errorCode\n      error\n      segments\n      encoding\n      createdAt\n      sentAt\n      deliveredAt\n      readAt\n      failedAt\n    }\n  }\n": types.MessagingMessageDocument,
    "\n  query SmppDevice($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      link {\n        state\n        since\n        lastError\n        inFlight\n        holder\n      }\n    }\n  }\n": types.SmppDeviceDocument,
    "\n  mutation TwilioWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      accountSid\n      webhookSigningSecret\n    }\n  }\n": types.TwilioWorkspaceDocument,
    "\n  mutation TwilioKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        sid\n      }\n    }\n  }\n": types.TwilioKeyDocument,
    "\n  query webhooks($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      nodes {\n        workspaceId\n        id\n        label\n        url\n        event\n        createdAt\n      }\n    }\n  }\n": types.WebhooksDocument,
    "\n  mutation createWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      workspaceId\n      id\n      label\n      url\n      event\n      headers\n      createdAt\n    }\n  }\n": types.CreateWebhookDocument,
    "\n  query WhWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      workspaceId\n      label\n      url\n      event\n      method\n      channels\n      directions\n      statuses\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      permanentStatusCodes\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n      createdAt\n      updatedAt\n    }\n  }\n": types.WhWebhookDocument,
    "\n  query WhWebhookList($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      totalCount\n      nodes {\n        id\n        headers\n        headerFields {\n          key\n          value\n        }\n        auth {\n          secret\n        }\n        signingSecret\n      }\n    }\n  }\n": types.WhWebhookListDocument,
    "\n  mutation WhCreateFull($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n      method\n      event\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n      signingSecret\n      enabled\n    }\n  }\n": types.WhCreateFullDocument,
    "\n  mutation WhUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      label\n      url\n      event\n      method\n      headers\n      auth {\n        type\n        secret\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n    }\n  }\n": types.WhUpdateDocument,
    "\n  mutation WhDelete($input: WebhookIdInput!) {\n    deleteWebhook(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.WhDeleteDocument,
    "\n  mutation WhDisable($input: WebhookDisableInput!) {\n    disableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n": types.WhDisableDocument,
    "\n  mutation WhEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n": types.WhEnableDocument,
    "\n  mutation WhRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      id\n      signingSecret\n    }\n  }\n": types.WhRotateDocument,
    "\n  mutation WhTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      status\n      webhookId\n      event {\n        id\n        type\n      }\n    }\n  }\n": types.WhTestDocument,
    "\n  query WhDelivery($id: ID!) {\n    delivery(id: $id) {\n      id\n      workspaceId\n      eventId\n      webhookId\n      targetKind\n      status\n      attemptCount\n      lastStatusCode\n      succeededAt\n      event {\n        id\n        type\n        payload\n        createdAt\n      }\n      attempts {\n        number\n        trigger\n        statusCode\n        errorKind\n        durationMs\n        startedAt\n        responseBody\n      }\n    }\n  }\n": types.WhDeliveryDocument,
    "\n  query WhEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        workspaceId\n        type\n        payload\n        createdAt\n      }\n    }\n  }\n": types.WhEventsDocument,
    "\n  mutation WhReplayDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n": types.WhReplayDeliveryDocument,
    "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n": types.CreateWorkspaceDocument,
    "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n": types.GetWorkspaceDocument,
    "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n": types.ListWorkspacesDocument,
    "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n": types.UpdateWorkspaceDocument,
    "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n": types.DeleteWorkspaceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').AuthCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthKeys($input: ApiKeysInput) {\n    apiKeys(input: $input) {\n      nodes {\n        id\n        prefix\n        label\n        admin\n        workspaceId\n        createdAt\n        lastUsedAt\n        revokedAt\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').AuthKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n      revokedAt\n    }\n  }\n"): typeof import('./graphql.ts').AuthRevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').AuthCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').AuthWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthWorkspaces {\n    workspaces {\n      nodes {\n        id\n        name\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').AuthWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').AuthUpdateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthDeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').AuthDeleteWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      label\n    }\n  }\n"): typeof import('./graphql.ts').AuthWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Drivers {\n    drivers {\n      name\n      channels\n      configFields {\n        name\n        type\n        required\n        secret\n        default\n        description\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DriversDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SmppDeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').SmppDeviceUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WaSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').WaSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientCreate($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      workspaceId\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n"): typeof import('./graphql.ts').ClientCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientUpdate($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      phone\n      name\n      surname\n      email\n      city\n      country\n      tags\n      patchedAt\n    }\n  }\n"): typeof import('./graphql.ts').ClientUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientDelete($input: ClientIdInput!) {\n    deleteClient(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').ClientDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientGet($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      tags\n    }\n  }\n"): typeof import('./graphql.ts').ClientGetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientList($input: ClientsInput) {\n    clients(input: $input) {\n      nodes {\n        id\n        phone\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').ClientListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n    }\n  }\n"): typeof import('./graphql.ts').ClientInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').ConvInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').ConvSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConvList($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        channel\n        clientId\n        deviceId\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').ConvListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConvGet($id: ID!, $first: Int, $after: String) {\n    conversation(id: $id) {\n      id\n      status\n      channel\n      clientId\n      deviceId\n      lastInboundAt\n      lastMessageAt\n      createdAt\n      endedAt\n      endReason\n      client {\n        phone\n      }\n      device {\n        id\n      }\n      messages(first: $first, after: $after) {\n        nodes {\n          id\n          content\n          direction\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n        totalCount\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ConvGetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConvEnd($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n"): typeof import('./graphql.ts').ConvEndDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IdleInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').IdleInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IdleConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      endedAt\n      endReason\n    }\n  }\n"): typeof import('./graphql.ts').IdleConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AdEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      failingSince\n    }\n  }\n"): typeof import('./graphql.ts').AdEnableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CrashCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').CrashCreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      externalId\n      providerMessageId\n      conversationId\n      clientId\n      deviceId\n      content\n      createdAt\n      status\n    }\n  }\n"): typeof import('./graphql.ts').DlMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DlConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      createdAt\n      endedAt\n    }\n  }\n"): typeof import('./graphql.ts').DlConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DlClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n      name\n      surname\n      email\n      address\n      city\n      country\n      externalClientId\n      tags\n      stageId\n      createdAt\n      patchedAt\n    }\n  }\n"): typeof import('./graphql.ts').DlClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DlEventIds($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DlEventIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DlLiveChatCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n      signingSecret\n    }\n  }\n"): typeof import('./graphql.ts').DlLiveChatCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DlLiveChatStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        id\n        status\n      }\n      connections {\n        ok\n        error\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DlLiveChatStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DlRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      signingSecret\n    }\n  }\n"): typeof import('./graphql.ts').DlRotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DlTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      eventId\n    }\n  }\n"): typeof import('./graphql.ts').DlTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ObEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        type\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ObEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ObCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').ObCreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RtReplayWebhook($input: WebhookReplayInput!) {\n    replayWebhook(input: $input) {\n      count\n    }\n  }\n"): typeof import('./graphql.ts').RtReplayWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SsrfCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n    }\n  }\n"): typeof import('./graphql.ts').SsrfCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SsrfUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      url\n    }\n  }\n"): typeof import('./graphql.ts').SsrfUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SsrfWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').SsrfWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SsrfLiveChat($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').SsrfLiveChatDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubCreate($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SubCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubTestDelivery($id: ID!) {\n    webhook(id: $id) {\n      testDelivery {\n        id\n        status\n        lastStatusCode\n        event {\n          type\n        }\n        attempts {\n          number\n          statusCode\n          durationMs\n          responseBody\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SubTestDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubEvents($input: EventsInput) {\n    events(input: $input) {\n      nodes {\n        id\n        type\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SubEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EndpointConversations($input: ConversationsInput) {\n    conversations(input: $input) {\n      nodes {\n        id\n        status\n        clientId\n        deviceId\n        lastInboundAt\n        client {\n          phone\n        }\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').EndpointConversationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        workspaceId\n        label\n        channel\n        address\n        driver\n        config\n        integrationType\n        status\n        lastError\n        activatedAt\n        tokenPrefix\n        inboundUrl\n        statusUrl\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DeviceCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceUpdate($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n      label\n      config\n      integrationType\n    }\n  }\n"): typeof import('./graphql.ts').DeviceUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceDelete($input: DeviceIdInput!) {\n    deleteDevice(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').DeviceDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceGet($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      lastError\n      activatedAt\n      label\n      config\n      tokenPrefix\n    }\n  }\n"): typeof import('./graphql.ts').DeviceGetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceList($input: DevicesInput) {\n    devices(input: $input) {\n      nodes {\n        id\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').DeviceListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        id\n        status\n        lastError\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DeviceActivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeviceDeactivate($input: DevicesActivateInput!) {\n    deactivateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n      }\n      device {\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DeviceDeactivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ErrorsCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').ErrorsCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ErrorsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').ErrorsWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ErrorsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      apiKey {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').ErrorsCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TwilioIds($id: Int!) {\n    workspace(id: $id) {\n      accountSid\n    }\n    apiKeys(input: { workspaceId: $id }) {\n      nodes {\n        sid\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TwilioIdsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetTwilioSmsUrl($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      twilioSmsUrl\n    }\n  }\n"): typeof import('./graphql.ts').SetTwilioSmsUrlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplayTwilioDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').ReplayTwilioDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcReplay($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.ts').LcReplayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcDeliveryAttempts($id: ID!) {\n    delivery(id: $id) {\n      id\n      status\n      attemptCount\n      attempts {\n        number\n        statusCode\n        error\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcDeliveryAttemptsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      deviceId\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').LcSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogsCreateKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        prefix\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LogsCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogsRevokeKey($input: ApiKeyRevokeInput!) {\n    revokeApiKey(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').LogsRevokeKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogsWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      headers\n      webhookSigningSecret\n    }\n  }\n"): typeof import('./graphql.ts').LogsWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogsUpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').LogsUpdateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LogsWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').LogsWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FlowSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      direction\n      status\n      content\n      clientId\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').FlowSimulateInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowClient($id: ID!) {\n    client(id: $id) {\n      id\n      phone\n    }\n  }\n"): typeof import('./graphql.ts').FlowClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FlowConversation($id: ID!) {\n    conversation(id: $id) {\n      id\n      status\n      clientId\n      deviceId\n      channel\n      lastInboundAt\n    }\n  }\n"): typeof import('./graphql.ts').FlowConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SharedLimitMessages {\n    messages {\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').SharedLimitMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GqlSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      workspaceId\n      status\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      userId\n      isAgent\n      segments\n      encoding\n      clientId\n      conversationId\n      deviceId\n      client {\n        phone\n      }\n    }\n  }\n"): typeof import('./graphql.ts').GqlSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GqlMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      content\n      providerMessageId\n      sentAt\n      deliveredAt\n      conversation {\n        id\n        status\n      }\n      device {\n        id\n        channel\n      }\n    }\n  }\n"): typeof import('./graphql.ts').GqlMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GqlMessages($input: MessagesInput) {\n    messages(input: $input) {\n      nodes {\n        id\n        content\n        direction\n        channel\n        status\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').GqlMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GqlInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      clientId\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').GqlInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WindowSend($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      type\n      status\n    }\n  }\n"): typeof import('./graphql.ts').WindowSendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WindowInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n    }\n  }\n"): typeof import('./graphql.ts').WindowInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DoorMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').DoorMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LifecycleCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').LifecycleCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').ProcCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n    }\n  }\n"): typeof import('./graphql.ts').ProcWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RootHomeCreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      name\n    }\n  }\n"): typeof import('./graphql.ts').RootHomeCreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DhDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        eventId\n        webhookId\n        liveChatIntegrationId\n        targetKind\n        status\n        attemptCount\n        nextAttemptAt\n        lastStatusCode\n        lastError\n        createdAt\n        succeededAt\n        event {\n          id\n          type\n        }\n        attempts {\n          number\n          trigger\n          url\n          startedAt\n          durationMs\n          statusCode\n          errorKind\n          error\n          responseBody\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DhDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DhWebhookState($id: ID!) {\n    webhook(id: $id) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n    }\n  }\n"): typeof import('./graphql.ts').DhWebhookStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DhCreateClient($input: ClientCreateInput!) {\n    createClient(input: $input) {\n      id\n      phone\n      createdAt\n      patchedAt\n    }\n  }\n"): typeof import('./graphql.ts').DhCreateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DhUpdateClient($input: ClientUpdateInput!) {\n    updateClient(input: $input) {\n      id\n      patchedAt\n    }\n  }\n"): typeof import('./graphql.ts').DhUpdateClientDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DhSendMessage($input: MessageSendInput!) {\n    sendMessage(input: $input) {\n      id\n      externalId\n      conversationId\n      clientId\n      deviceId\n      status\n    }\n  }\n"): typeof import('./graphql.ts').DhSendMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DhSimulateInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').DhSimulateInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DhEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n"): typeof import('./graphql.ts').DhEndConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DriverDeviceCreate($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        callbackUrl\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DriverDeviceCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DriverDeviceActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      ok\n      error {\n        code\n        message\n      }\n      device {\n        status\n        lastError\n      }\n    }\n  }\n"): typeof import('./graphql.ts').DriverDeviceActivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DriverMessage($id: ID!) {\n    message(id: $id) {\n      id\n      status\n      providerMessageId\n      rawStatus\n      errorCode\n      error\n      nextAttemptAt\n      queuedReason\n      attachments\n      content\n      type\n    }\n  }\n"): typeof import('./graphql.ts').DriverMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DriverDeviceState($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      callbackUrl\n      config\n    }\n  }\n"): typeof import('./graphql.ts').DriverDeviceStateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n"): typeof import('./graphql.ts').FixtureWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      token\n      device {\n        id\n        address\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureActivate($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').FixtureActivateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      signingSecret\n    }\n  }\n"): typeof import('./graphql.ts').FixtureWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LcIntegrationFields on LiveChatIntegration {\n    id\n    workspaceId\n    alias\n    status\n    lastError\n    url\n    method\n    queryParams {\n      key\n      type\n      value\n    }\n    headers\n    headerFields {\n      key\n      type\n      value\n    }\n    auth {\n      type\n      headerName\n      username\n      secret\n    }\n    bodyFields {\n      key\n      type\n      value\n    }\n    permanentStatusCodes\n    signingSecret\n    responseEndpoint\n    connections {\n      id\n      deviceId\n      channel\n      sender\n      status\n      error\n      device {\n        id\n        status\n        lastError\n      }\n    }\n    createdAt\n    updatedAt\n  }\n"): typeof import('./graphql.ts').LcIntegrationFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcCreate($input: LiveChatIntegrationCreateInput!) {\n    createLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n"): typeof import('./graphql.ts').LcCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcUpdate($input: LiveChatIntegrationUpdateInput!) {\n    updateLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n"): typeof import('./graphql.ts').LcUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcDelete($input: LiveChatIntegrationIdInput!) {\n    deleteLiveChatIntegration(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').LcDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcGet($id: ID!) {\n    liveChatIntegration(id: $id) {\n      ...LcIntegrationFields\n    }\n  }\n"): typeof import('./graphql.ts').LcGetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcList($input: LiveChatIntegrationsInput) {\n    liveChatIntegrations(input: $input) {\n      nodes {\n        id\n        alias\n        status\n        workspaceId\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').LcListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcStart($input: LiveChatIntegrationIdInput!) {\n    startLiveChatIntegration(input: $input) {\n      integration {\n        ...LcIntegrationFields\n      }\n      connections {\n        connectionId\n        deviceId\n        ok\n        error\n        errorCode\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcStartDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcStop($input: LiveChatIntegrationIdInput!) {\n    stopLiveChatIntegration(input: $input) {\n      ...LcIntegrationFields\n    }\n  }\n"): typeof import('./graphql.ts').LcStopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcCurl($id: ID!, $contact: String!, $connectionId: ID, $message: String) {\n    liveChatIntegration(id: $id) {\n      id\n      responseEndpoint\n      curlExample(contact: $contact, connectionId: $connectionId, message: $message)\n    }\n  }\n"): typeof import('./graphql.ts').LcCurlDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcCreateDevice($input: DeviceCreateInput!) {\n    createDevice(input: $input) {\n      device {\n        id\n        address\n        channel\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcCreateDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcDevice($id: ID!) {\n    device(id: $id) {\n      id\n      address\n      channel\n      status\n      lastError\n    }\n  }\n"): typeof import('./graphql.ts').LcDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcUpdateDevice($input: DeviceUpdateInput!) {\n    updateDevice(input: $input) {\n      id\n    }\n  }\n"): typeof import('./graphql.ts').LcUpdateDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcActivateDevices($input: DevicesActivateInput!) {\n    activateDevices(input: $input) {\n      deviceId\n      ok\n      error {\n        code\n        message\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcActivateDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcInbound($input: InboundSimulateInput!) {\n    simulateInbound(input: $input) {\n      id\n      conversationId\n      clientId\n      deviceId\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').LcInboundDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LcEndConversation($input: ConversationEndInput!) {\n    endConversation(input: $input) {\n      id\n      status\n      endedAt\n    }\n  }\n"): typeof import('./graphql.ts').LcEndConversationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      deviceId\n      direction\n      channel\n      content\n      externalId\n      providerMessageId\n      isAgent\n      status\n      rawStatus\n      sentAt\n      deliveredAt\n      readAt\n      client {\n        phone\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcMessages($input: MessagesInput) {\n    messages(input: $input) {\n      totalCount\n      nodes {\n        id\n        direction\n        content\n        status\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcMessagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LcDeliveries($input: DeliveriesInput) {\n    deliveries(input: $input) {\n      totalCount\n      nodes {\n        id\n        status\n        eventId\n        liveChatIntegrationId\n        targetKind\n        event {\n          type\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.ts').LcDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessagingWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      webhookSigningSecret\n    }\n  }\n"): typeof import('./graphql.ts').MessagingWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MessagingKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n      }\n    }\n  }\n"): typeof import('./graphql.ts').MessagingKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessagingMessage($id: ID!) {\n    message(id: $id) {\n      id\n      workspaceId\n      conversationId\n      clientId\n      deviceId\n      direction\n      channel\n      type\n      content\n      attachments\n      externalId\n      providerMessageId\n      userId\n      isAgent\n      status\n      rawStatus\n      errorCode\n      error\n      segments\n      encoding\n      createdAt\n      sentAt\n      deliveredAt\n      readAt\n      failedAt\n    }\n  }\n"): typeof import('./graphql.ts').MessagingMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmppDevice($id: ID!) {\n    device(id: $id) {\n      status\n      lastError\n      lastErrorAt\n      link {\n        state\n        since\n        lastError\n        inFlight\n        holder\n      }\n    }\n  }\n"): typeof import('./graphql.ts').SmppDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwilioWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      accountSid\n      webhookSigningSecret\n    }\n  }\n"): typeof import('./graphql.ts').TwilioWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TwilioKey($input: ApiKeyCreateInput!) {\n    createApiKey(input: $input) {\n      secret\n      apiKey {\n        id\n        sid\n      }\n    }\n  }\n"): typeof import('./graphql.ts').TwilioKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query webhooks($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      nodes {\n        workspaceId\n        id\n        label\n        url\n        event\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').WebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation createWebhook($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      workspaceId\n      id\n      label\n      url\n      event\n      headers\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').CreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhWebhook($id: ID!) {\n    webhook(id: $id) {\n      id\n      workspaceId\n      label\n      url\n      event\n      method\n      channels\n      directions\n      statuses\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      permanentStatusCodes\n      enabled\n      disabledReason\n      disabledAt\n      failingSince\n      signingSecret\n      testDelivery {\n        id\n        status\n      }\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql.ts').WhWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhWebhookList($input: WebhooksInput!) {\n    webhooks(input: $input) {\n      totalCount\n      nodes {\n        id\n        headers\n        headerFields {\n          key\n          value\n        }\n        auth {\n          secret\n        }\n        signingSecret\n      }\n    }\n  }\n"): typeof import('./graphql.ts').WhWebhookListDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhCreateFull($input: WebhookCreateInput!) {\n    createWebhook(input: $input) {\n      id\n      url\n      method\n      event\n      headers\n      headerFields {\n        key\n        type\n        value\n      }\n      queryParams {\n        key\n        type\n        value\n      }\n      auth {\n        type\n        headerName\n        username\n        secret\n      }\n      bodyFields {\n        key\n        type\n        value\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n      signingSecret\n      enabled\n    }\n  }\n"): typeof import('./graphql.ts').WhCreateFullDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhUpdate($input: WebhookUpdateInput!) {\n    updateWebhook(input: $input) {\n      id\n      label\n      url\n      event\n      method\n      headers\n      auth {\n        type\n        secret\n      }\n      channels\n      directions\n      statuses\n      permanentStatusCodes\n    }\n  }\n"): typeof import('./graphql.ts').WhUpdateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhDelete($input: WebhookIdInput!) {\n    deleteWebhook(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').WhDeleteDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhDisable($input: WebhookDisableInput!) {\n    disableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n"): typeof import('./graphql.ts').WhDisableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhEnable($input: WebhookIdInput!) {\n    enableWebhook(input: $input) {\n      id\n      enabled\n      disabledReason\n      disabledAt\n    }\n  }\n"): typeof import('./graphql.ts').WhEnableDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhRotate($input: WebhookRotateSecretInput!) {\n    rotateWebhookSecret(input: $input) {\n      id\n      signingSecret\n    }\n  }\n"): typeof import('./graphql.ts').WhRotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhTest($input: WebhookIdInput!) {\n    testWebhook(input: $input) {\n      id\n      status\n      webhookId\n      event {\n        id\n        type\n      }\n    }\n  }\n"): typeof import('./graphql.ts').WhTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhDelivery($id: ID!) {\n    delivery(id: $id) {\n      id\n      workspaceId\n      eventId\n      webhookId\n      targetKind\n      status\n      attemptCount\n      lastStatusCode\n      succeededAt\n      event {\n        id\n        type\n        payload\n        createdAt\n      }\n      attempts {\n        number\n        trigger\n        statusCode\n        errorKind\n        durationMs\n        startedAt\n        responseBody\n      }\n    }\n  }\n"): typeof import('./graphql.ts').WhDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhEvents($input: EventsInput) {\n    events(input: $input) {\n      totalCount\n      nodes {\n        id\n        workspaceId\n        type\n        payload\n        createdAt\n      }\n    }\n  }\n"): typeof import('./graphql.ts').WhEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WhReplayDelivery($input: DeliveryReplayInput!) {\n    replayDelivery(input: $input) {\n      id\n      status\n    }\n  }\n"): typeof import('./graphql.ts').WhReplayDeliveryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: WorkspaceCreateInput!) {\n    createWorkspace(input: $input) {\n      id\n      locationId\n      name\n      email\n      phone\n      address\n      webhookUrl\n      headers\n      webhookSigningSecret\n      createdAt\n    }\n  }\n"): typeof import('./graphql.ts').CreateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GetWorkspace($id: Int!) {\n    workspace(id: $id) {\n      id\n      name\n      webhookUrl\n      headers\n    }\n  }\n"): typeof import('./graphql.ts').GetWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListWorkspaces($input: WorkspacesInput) {\n    workspaces(input: $input) {\n      nodes {\n        id\n        name\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      totalCount\n    }\n  }\n"): typeof import('./graphql.ts').ListWorkspacesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkspace($input: WorkspaceUpdateInput!) {\n    updateWorkspace(input: $input) {\n      id\n      name\n      email\n      webhookUrl\n    }\n  }\n"): typeof import('./graphql.ts').UpdateWorkspaceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkspace($input: WorkspaceDeleteInput!) {\n    deleteWorkspace(input: $input) {\n      id\n      deleted\n    }\n  }\n"): typeof import('./graphql.ts').DeleteWorkspaceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

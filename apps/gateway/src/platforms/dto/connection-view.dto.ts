import { CONNECTION_STATUSES, PLATFORMS } from '@app/contracts';
import type { ConnectionStatus, Platform } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** A connected platform account. Tokens go in (connect, OAuth) and never come out. */
export class ConnectionViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PLATFORMS })
  platform: Platform;

  @ApiProperty({ example: '1783465392', description: "The platform's id of the account." })
  accountId: string;

  @ApiProperty({ example: '@acme' })
  accountName: string;

  @ApiProperty({ type: String, nullable: true, example: 'https://mastodon.social', description: "The account's server (Mastodon instance, Bluesky PDS), when it has its own." })
  serverUrl: string | null;

  @ApiProperty({
    enum: CONNECTION_STATUSES,
    description: '`active`: posts go out on it; `reconnect_required`: its token no longer works (see `statusReason`): connect it again and its blocked posts resume.',
  })
  status: ConnectionStatus;

  @ApiProperty({ type: String, nullable: true, example: 'the token was revoked on the platform', description: 'Why it must be reconnected.' })
  statusReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the access token expires (null: it does not).' })
  expiresAt: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'tweet.read tweet.write users.read offline.access' })
  scopes: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Europe/Paris', description: "IANA time zone of the account's audience." })
  timeZone: string | null;

  @ApiProperty({ format: 'date-time' })
  connectedAt: string;

  @ApiProperty({ example: 0, description: 'Posts currently held because this connection needs a reconnect.' })
  blockedPosts: number;

  @ApiProperty({ enum: ['platform', 'sandbox'], description: '`sandbox`: a simulated account (development and the demo): its posts stay local, its metrics come from a simulated audience.' })
  kind: 'platform' | 'sandbox';
}

export class OAuthStartViewDto {
  @ApiProperty({ example: 'https://x.com/i/oauth2/authorize?response_type=code&client_id=…', description: "Send the user's browser here." })
  authorizeUrl: string;

  @ApiProperty({ description: 'Opaque; the platform sends it back to the callback.' })
  state: string;

  @ApiProperty({ format: 'date-time', description: 'The flow must finish before this instant.' })
  expiresAt: string;
}

import { PLATFORMS } from '@app/contracts';
import type { Platform } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsISO8601, IsOptional, IsString, IsUrl, Length, ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';
import { IsTimeZone } from '../../common/is-time-zone.validator';

const URL_OPTIONS = { protocols: ['https', 'http'], require_protocol: true, require_tld: false };
const TOKEN_MAX = 8192;

/** Bluesky can connect with a handle and an app password instead of tokens. */
const APP_PASSWORD_PLATFORMS: readonly Platform[] = ['bluesky'];
/** Platforms whose accounts live on a server the user names (the Mastodon instance). */
const SERVER_PLATFORMS: readonly Platform[] = ['mastodon'];

interface ConnectFields {
  platform?: unknown;
  accessToken?: unknown;
  identifier?: unknown;
  appPassword?: unknown;
  serverUrl?: unknown;
  sandbox?: unknown;
}

const usesAppPassword = (o: ConnectFields): boolean =>
  APP_PASSWORD_PLATFORMS.includes(o.platform as Platform) && (o.identifier !== undefined || o.appPassword !== undefined);

/** A sandbox account has no credentials at all. */
const isSandbox = (o: ConnectFields): boolean => o.sandbox === true;

/** The field may only be given for these platforms. */
function OnlyFor(platforms: readonly Platform[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name: 'onlyForPlatforms',
      target: target.constructor,
      propertyName: String(propertyKey),
      options: { message: `$property is only used on ${platforms.join(', ')}`, ...options },
      validator: { validate: (value: unknown, args) => value === undefined || platforms.includes((args?.object as ConnectFields).platform as Platform) },
    });
}

/** Connect an account with credentials the client already has; the fields each platform needs are checked. */
export class ConnectPlatformDto {
  @ApiProperty({ enum: PLATFORMS, example: 'x' })
  @IsIn(PLATFORMS, { message: `platform must be one of: ${PLATFORMS.join(', ')}` })
  platform: Platform;

  @ApiPropertyOptional({ maxLength: 200, description: "The platform's account id; checked against the token (filled in when omitted)." })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  accountId?: string;

  @ApiPropertyOptional({
    writeOnly: true,
    format: 'password',
    maxLength: TOKEN_MAX,
    description: 'Required, except on bluesky with identifier and appPassword, and for a sandbox account. Verified with the platform; stored by posting-svc only, never returned.',
  })
  @ValidateIf((o: ConnectPlatformDto) => o.accessToken !== undefined || (!usesAppPassword(o) && !isSandbox(o)))
  @IsDefined({ message: 'accessToken is required (on bluesky, identifier and appPassword may be given instead)' })
  @IsString()
  @Length(1, TOKEN_MAX)
  accessToken?: string;

  @ApiPropertyOptional({ writeOnly: true, format: 'password', maxLength: TOKEN_MAX })
  @IsOptional()
  @IsString()
  @Length(1, TOKEN_MAX)
  refreshToken?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'ISO 8601 expiry of the access token.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ example: 'https://mastodon.social', description: "The account's server: required on mastodon (the instance); on bluesky the PDS (default bsky.social)." })
  @ValidateIf((o: ConnectPlatformDto) => o.serverUrl !== undefined || (SERVER_PLATFORMS.includes(o.platform) && !isSandbox(o)))
  @IsDefined({ message: `serverUrl is required on ${SERVER_PLATFORMS.join(', ')} (e.g. https://mastodon.social)` })
  @IsUrl(URL_OPTIONS, { message: 'serverUrl must be an http(s) URL' })
  serverUrl?: string;

  @ApiPropertyOptional({ example: 'acme.bsky.social', description: 'Bluesky: handle or DID, with appPassword.' })
  @ValidateIf((o: ConnectPlatformDto) => o.identifier !== undefined || o.appPassword !== undefined)
  @IsDefined({ message: 'identifier is required with appPassword' })
  @OnlyFor(APP_PASSWORD_PLATFORMS)
  @IsString()
  @Length(1, 300)
  identifier?: string;

  @ApiPropertyOptional({ writeOnly: true, format: 'password', description: 'Bluesky: an app password, exchanged for a session and never stored.' })
  @ValidateIf((o: ConnectPlatformDto) => o.identifier !== undefined || o.appPassword !== undefined)
  @IsDefined({ message: 'appPassword is required with identifier' })
  @OnlyFor(APP_PASSWORD_PLATFORMS)
  @IsString()
  @Length(1, 200)
  appPassword?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: "IANA time zone of the account's audience." })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    example: false,
    description:
      'Connect a simulated account instead (no token needed): its posts stay local and a simulated audience with 16 weeks of history answers for it, ' +
      'so analytics and optimization can be tried without a platform. Only where posting-svc runs with PUBLISH_WITHOUT_CONNECTION=sandbox (development, the demo); elsewhere a 400 naming `sandbox`.',
  })
  @IsOptional()
  @IsBoolean()
  sandbox?: boolean;
}

export class OAuthStartQueryDto {
  @ApiPropertyOptional({ example: 'https://mastodon.social', description: 'Mastodon: the instance to connect to.' })
  @IsOptional()
  @IsUrl(URL_OPTIONS, { message: 'serverUrl must be an http(s) URL' })
  serverUrl?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: "IANA time zone of the account's audience." })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

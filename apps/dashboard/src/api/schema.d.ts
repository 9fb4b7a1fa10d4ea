/**
 * Generated from the gateway's OpenAPI document (docs/openapi.json) by `npm run openapi`: do not edit.
 * `npm test` fails when this file no longer matches what the gateway serves.
 */

export interface paths {
    "/api/v1/analytics/campaign/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's metrics: totals, per platform, per post, and per day.
         * @description Each post's latest reading counts; readings are taken 1 h, 6 h, 24 h, 72 h and 7 days after publication. Zeros until a post went out.
         */
        get: operations["AnalyticsController_campaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/campaign/{id}/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's readings as CSV, one row per reading of each published post.
         * @description Columns: post_id, platform, platform_post_id, published_at, measured_at, age_hours, impressions, reach, likes, comments, shares, saves, clicks, video_views, engagements, engagement_rate (empty where the platform reports nothing). Sent as an attachment `campaign-<id>-analytics.csv`.
         */
        get: operations["AnalyticsController_exportCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/optimize/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the Optimization agent recommends for a campaign, and what the campaign used.
         * @description For each of your connected accounts on the campaign's target platforms: its latest model (best hours of the week, the 168-hour heatmap with confidence, content findings with their evidence, what changed since the previous run). Accounts learn from their history once connected and from every post measured since.
         */
        get: operations["AnalyticsController_optimize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/post/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One post's metrics with every reading taken so far.
         * @description A post that has not been published yet has no analytics: 404 saying so.
         */
        get: operations["AnalyticsController_post"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange email and password for a bearer token. */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account. */
        post: operations["AuthController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's campaigns, newest first. */
        get: operations["CampaignsController_list"];
        put?: never;
        /** Request a campaign; the agents plan, write, design and schedule it asynchronously. */
        post: operations["CampaignsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign with its pipeline stages, strategy and posts. */
        get: operations["CampaignsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/execute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start publishing a scheduled campaign (the Scheduler arms its posts). */
        post: operations["CampaignsController_execute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live changes of your campaigns and posts (Server-Sent Events).
         * @description A `text/event-stream`: `event: campaign` (the campaign summary with its four stages, as each stage finishes or the status changes) and `event: post` (the post view, on every change: scheduled, edited, published, failed…); `id:` is the change’s time, so `Last-Event-ID` (or `?since=`) replays what was missed. Only your own campaigns; a comment line every 15 s keeps it open.
         */
        get: operations["LiveController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{imageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A generated image by signed URL (for platforms that fetch media by URL). */
        get: operations["MediaController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your connected accounts, with their status and the posts waiting for a reconnect. */
        get: operations["PlatformsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Disconnect an account: its tokens are deleted. */
        delete: operations["PlatformsController_disconnect"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect an account with a token you already have (or a Bluesky app password).
         * @description posting-svc verifies the credentials with the platform. 201 for a new connection, 200 when it updated your existing connection of that account.
         */
        post: operations["PlatformsController_connect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/oauth/{platform}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The platform's OAuth redirect (no bearer token: the state names the user).
         * @description With OAUTH_RESULT_URL configured, redirects (302) there with `?connected=<platform>&connectionId=<id>`, or `?error=<reason>&platform=<platform>&message=<text>` (reasons: the platform's own, e.g. `access_denied`; `invalid_request`, `connection_failed`, `account_taken`, `temporarily_unavailable`). Without it, answers 200 with the connection, or the error as JSON (400, 409, 503).
         */
        get: operations["PlatformsController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/platforms/oauth/{platform}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start connecting an account with OAuth: send the browser to `authorizeUrl`.
         * @description The platform then redirects to `GET /platforms/oauth/{platform}/callback`. 400 when the platform has no OAuth flow here or no OAuth client is configured (the message names the variable).
         */
        get: operations["PlatformsController_start"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's posts, by scheduled time; filter by campaign, status or platform. */
        get: operations["PostsController_list"];
        put?: never;
        /**
         * Publish your own post on some of your connected accounts, now or at a time.
         * @description One armed post per connection, filed under a new campaign of kind `adhoc`; edit, reschedule or cancel them like any post. The text must fit every platform it goes to (400 naming `text` or `threadParts.<i>`, with the platform and its limit); an id that is not one of your connections is a 400 naming `connectionIds.<i>`.
         */
        post: operations["PostsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post, with its publishing attempts. */
        get: operations["PostsController_get"];
        put?: never;
        post?: never;
        /** Cancel a draft or armed post (idempotent). */
        delete: operations["PostsController_cancel"];
        options?: never;
        head?: never;
        /** Edit the text or the time of a draft or armed post. */
        patch: operations["PostsController_edit"];
        trace?: never;
    };
    "/api/v1/posts/{id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The post's generated image (when an image model is configured). */
        get: operations["PostsController_image"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers. */
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database answers, broker connected, consumers attached (503 otherwise). */
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccessTokenDto: {
            /** @description JWT to send as `Authorization: Bearer <accessToken>`. */
            accessToken: string;
            /**
             * @description Seconds until the token expires.
             * @example 3600
             */
            expiresIn: number;
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
        };
        AccountRecommendationsDto: {
            /** @example @acme */
            accountName: string;
            /**
             * @description What engagement means here: per impression where the platform reports them, else counts.
             * @enum {string}
             */
            basis: "engagement_rate" | "engagements";
            /** @description The best hours of the week, best first. */
            bestSlots: components["schemas"]["RecommendedSlotDto"][];
            /** @description What changed since the previous run. */
            changes: components["schemas"]["OptimizationChangesDto"];
            /** Format: date-time */
            computedAt: string;
            /** Format: uuid */
            connectionId: string;
            /** @description What content works for this account, with the evidence. */
            contentInsights: components["schemas"]["ContentInsightDto"][];
            /**
             * @description Posts the model learned from.
             * @example 112
             */
            observations: number;
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /**
             * Format: uuid
             * @description The optimization run.
             */
            runId: string;
            /** @description 168 estimates, index = weekday * 24 + hour: the hour-of-week heatmap. */
            slots: components["schemas"]["SlotEstimateDto"][];
            /**
             * @description The audience time zone the slots are in.
             * @example Europe/Paris
             */
            timeZone: string;
        };
        AttemptViewDto: {
            /**
             * @description 1-based attempt number.
             * @example 1
             */
            attempt: number;
            /** @example 429 Too Many Requests */
            detail: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /**
             * @description The platform's HTTP status, when it answered.
             * @example 429
             */
            httpStatus: number | null;
            /**
             * Format: date-time
             * @description When the next attempt is due (`retry`, `unknown`).
             */
            nextAttemptAt: string | null;
            /**
             * @description What the attempt ended in:
             *     - `published`: the platform accepted the post
             *     - `reconciled`: a previous attempt had published it after all (found by its idempotency key)
             *     - `retry`: a transient failure (rate limit, outage); tried again at `nextAttemptAt`
             *     - `refreshed`: the account's access token was refreshed; tried again
             *     - `reconnect_required`: the account's token is no longer valid; the post waits for a reconnect
             *     - `rejected`: the platform refused the content
             *     - `unknown`: no answer (timeout, dropped connection): reconciled at `nextAttemptAt`
             *     - `unconfirmed`: reconciliation could not tell whether the platform has the post
             *     - `gave_up`: the retries ran out
             * @enum {string}
             */
            outcome: "published" | "reconciled" | "retry" | "refreshed" | "reconnect_required" | "rejected" | "unknown" | "unconfirmed" | "gave_up";
            /** Format: date-time */
            startedAt: string;
        };
        CadenceDto: {
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            postsPerWeek: number;
        };
        CampaignAnalyticsDto: {
            /** Format: uuid */
            campaignId: string;
            /** @description Per UTC day, the latest reading of every post taken that day or before: cumulative totals, for a chart. */
            overTime: components["schemas"]["DailyTotalsDto"][];
            /** @description The same per platform. */
            platforms: components["schemas"]["PlatformTotalsDto"][];
            /** @description Every post that went out (or failed to), by publication time. */
            posts: components["schemas"]["PostAnalyticsSummaryDto"][];
            /** @description All published posts' latest readings, summed. */
            totals: components["schemas"]["MetricTotalsDto"];
        };
        CampaignFailureDto: {
            /** Format: date-time */
            failedAt: string;
            reason: string;
            /** @enum {string} */
            stage: "strategy" | "content" | "creative" | "schedule";
        };
        CampaignOptimizationDto: {
            /** @description The latest model of each of the caller's connected accounts on those platforms. */
            accounts: components["schemas"]["AccountRecommendationsDto"][];
            /** Format: uuid */
            campaignId: string;
            /** @description The campaign's target platforms: the accounts below are the caller's on these. */
            platforms: ("x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon")[];
            /** @description Target platforms with no model yet: the Scheduler uses their default slots. */
            platformsWithoutModel: ("x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon")[];
            /** @description Which recommendations the campaign's Strategy agent and Scheduler used; null when they used none (or the campaign predates them, or is ad-hoc). */
            used: components["schemas"]["CampaignRecommendationsDto"] | null;
        };
        CampaignPageDto: {
            items: components["schemas"]["CampaignSummaryDto"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            pageSize: number;
            /** @example 42 */
            total: number;
        };
        CampaignRecommendationsDto: {
            /** @description How the Scheduler used the learned slot models. */
            schedule?: components["schemas"]["ScheduleRecommendationsDto"];
            /** @description What the Strategy agent read from the Optimization agent. */
            strategy?: components["schemas"]["StrategyRecommendationsDto"];
        };
        CampaignSummaryDto: {
            /** Format: date-time */
            createdAt: string;
            durationDays: number;
            /** Format: uuid */
            id: string;
            /**
             * @description `agent`: planned, written and scheduled by the agents; `adhoc`: posts the user wrote (POST /posts), armed as they are.
             * @enum {string}
             */
            kind: "agent" | "adhoc";
            name: string;
            /** @description Increases with every pipeline stage the gateway has seen. */
            revision: number;
            /** Format: date-time */
            startDate: string;
            /** @enum {string} */
            status: "requested" | "planned" | "written" | "designed" | "scheduled" | "active" | "completed" | "failed";
            targetPlatforms: ("x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon")[];
            /** @example Europe/Paris */
            timezone: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CampaignViewDto: {
            brandVoice: string | null;
            contentThemes: string[];
            /** Format: date-time */
            createdAt: string;
            durationDays: number;
            /** Format: date-time */
            executionRequestedAt: string | null;
            failure: components["schemas"]["CampaignFailureDto"] | null;
            goal: string;
            /** Format: uuid */
            id: string;
            /**
             * @description `agent`: planned, written and scheduled by the agents; `adhoc`: posts the user wrote (POST /posts), armed as they are.
             * @enum {string}
             */
            kind: "agent" | "adhoc";
            name: string;
            posts: components["schemas"]["PostViewDto"][];
            /** @description Which of the Optimization agent's recommendations the Strategy agent and the Scheduler used. */
            recommendations: components["schemas"]["CampaignRecommendationsDto"] | null;
            /** @description Increases with every pipeline stage the gateway has seen. */
            revision: number;
            /** @description The four pipeline stages, in order (none for an ad-hoc campaign). */
            stages: components["schemas"]["StageViewDto"][];
            /** Format: date-time */
            startDate: string;
            /** @enum {string} */
            status: "requested" | "planned" | "written" | "designed" | "scheduled" | "active" | "completed" | "failed";
            strategy: components["schemas"]["StrategyDto"] | null;
            targetAudience: string | null;
            targetPlatforms: ("x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon")[];
            /** @example Europe/Paris */
            timezone: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description What the campaign cost in model use, summed over its stages. */
            usage: components["schemas"]["UsageTotalDto"];
        };
        ConnectionViewDto: {
            /**
             * @description The platform's id of the account.
             * @example 1783465392
             */
            accountId: string;
            /** @example @acme */
            accountName: string;
            /**
             * @description Posts currently held because this connection needs a reconnect.
             * @example 0
             */
            blockedPosts: number;
            /** Format: date-time */
            connectedAt: string;
            /**
             * Format: date-time
             * @description When the access token expires (null: it does not).
             */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /**
             * @description `sandbox`: a simulated account (development and the demo): its posts stay local, its metrics come from a simulated audience.
             * @enum {string}
             */
            kind: "platform" | "sandbox";
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /** @example tweet.read tweet.write users.read offline.access */
            scopes: string | null;
            /**
             * @description The account's server (Mastodon instance, Bluesky PDS), when it has its own.
             * @example https://mastodon.social
             */
            serverUrl: string | null;
            /**
             * @description `active`: posts go out on it; `reconnect_required`: its token no longer works (see `statusReason`): connect it again and its blocked posts resume.
             * @enum {string}
             */
            status: "active" | "reconnect_required";
            /**
             * @description Why it must be reconnected.
             * @example the token was revoked on the platform
             */
            statusReason: string | null;
            /**
             * @description IANA time zone of the account's audience.
             * @example Europe/Paris
             */
            timeZone: string | null;
        };
        ConnectPlatformDto: {
            /**
             * Format: password
             * @description Required, except on bluesky with identifier and appPassword, and for a sandbox account. Verified with the platform; stored by posting-svc only, never returned.
             */
            accessToken?: string;
            /** @description The platform's account id; checked against the token (filled in when omitted). */
            accountId?: string;
            /**
             * Format: password
             * @description Bluesky: an app password, exchanged for a session and never stored.
             */
            appPassword?: string;
            /**
             * Format: date-time
             * @description ISO 8601 expiry of the access token.
             */
            expiresAt?: string;
            /**
             * @description Bluesky: handle or DID, with appPassword.
             * @example acme.bsky.social
             */
            identifier?: string;
            /**
             * @example x
             * @enum {string}
             */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /** Format: password */
            refreshToken?: string;
            /**
             * @description Connect a simulated account instead (no token needed): its posts stay local and a simulated audience with 16 weeks of history answers for it, so analytics and optimization can be tried without a platform. Only where posting-svc runs with PUBLISH_WITHOUT_CONNECTION=sandbox (development, the demo); elsewhere a 400 naming `sandbox`.
             * @example false
             */
            sandbox?: boolean;
            /**
             * @description The account's server: required on mastodon (the instance); on bluesky the PDS (default bsky.social).
             * @example https://mastodon.social
             */
            serverUrl?: string;
            /**
             * @description IANA time zone of the account's audience.
             * @example Europe/Paris
             */
            timeZone?: string;
        };
        ContentInsightDto: {
            /**
             * @description Standardized mean difference (Cohen's d) on log engagement.
             * @example 0.52
             */
            effectSize: number;
            /** @enum {string} */
            feature: "media" | "format" | "pillar" | "length" | "hashtags" | "question" | "link";
            /** @example Posts with an image get 31% more engagement than those without (24 vs 88 posts). */
            finding: string;
            /**
             * @description Relative difference in mean engagement vs the other posts (0.31 = 31% better).
             * @example 0.31
             */
            lift: number;
            /**
             * @description Posts with this value that the comparison used.
             * @example 24
             */
            n: number;
            /**
             * @description Posts without it.
             * @example 88
             */
            nOther: number;
            /** @description True when the 95% interval of the difference excludes 0. */
            significant: boolean;
            /** @example image */
            value: string;
        };
        ContentPillarDto: {
            description: string;
            name: string;
        };
        CreateCampaignDto: {
            /** @example Friendly, concise, a bit nerdy */
            brandVoice?: string;
            /**
             * @default []
             * @example [
             *       "productivity",
             *       "launch"
             *     ]
             */
            contentThemes?: string[];
            /** @example 21 */
            durationDays: number;
            /** @example Get 500 sign-ups for the beta in three weeks. */
            goal: string;
            /** @example Spring launch */
            name: string;
            /**
             * Format: date-time
             * @description ISO 8601; defaults to now.
             * @example 2026-12-01T09:00:00Z
             */
            startDate?: string;
            /** @example Indie developers shipping SaaS */
            targetAudience?: string;
            /**
             * @example [
             *       "x",
             *       "instagram"
             *     ]
             */
            targetPlatforms: ("x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon")[];
            /**
             * @description IANA time zone.
             * @default UTC
             * @example Europe/Paris
             */
            timezone?: string;
        };
        CreatedPostsDto: {
            /**
             * Format: uuid
             * @description The ad-hoc campaign (kind `adhoc`) the posts are filed under.
             */
            campaignId: string;
            /** @description One armed post per connection, in the order of `connectionIds`. */
            posts: components["schemas"]["PostViewDto"][];
        };
        CreatePostDto: {
            /** @description Connected accounts to post on (ids from GET /platforms); one post each. */
            connectionIds: string[];
            /**
             * @description Defaults to the hashtags written in the text.
             * @example [
             *       "#release"
             *     ]
             */
            hashtags?: string[];
            /**
             * Format: date-time
             * @description ISO 8601; defaults to now. At most a year ahead; not more than 5 minutes in the past.
             */
            scheduledTime?: string;
            /**
             * @description The post; for a thread, its first part. Must fit every platform it goes to (X: 280 weighted, Bluesky: 300 graphemes, …).
             * @example We just shipped dark mode 🌙 #release
             */
            text: string;
            /**
             * @description Makes it a thread: every part in order, the first being `text` (only on platforms with threads: X, Bluesky, Mastodon).
             * @example [
             *       "We just shipped dark mode 🌙 #release",
             *       "It follows your system setting, and you can pin it per device."
             *     ]
             */
            threadParts?: string[];
            /**
             * @description IANA time zone the post is shown in; defaults to the first account's, else UTC.
             * @example Europe/Paris
             */
            timeZone?: string;
        };
        DailyTotalsDto: {
            /**
             * @description Link clicks.
             * @example 11
             */
            clicks?: number;
            /** @example 7 */
            comments?: number;
            /**
             * @description UTC day.
             * @example 2026-11-24
             */
            date: string;
            /**
             * @description Engagements per impression (or per reached account) over the posts that report them; absent when none does.
             * @example 0.0418
             */
            engagementRate?: number;
            /**
             * @description likes + comments + shares + saves + clicks.
             * @example 77
             */
            engagements: number;
            /**
             * @description Times the post was shown. Absent when the platform does not report it (never 0 in its place). (Bluesky and Mastodon report none.)
             * @example 1840
             */
            impressions?: number;
            /** @example 52 */
            likes?: number;
            /**
             * @description Published posts counted.
             * @example 3
             */
            posts: number;
            /**
             * @description Accounts that saw it. Absent when the platform does not report it (never 0 in its place).
             * @example 1210
             */
            reach?: number;
            /**
             * @description Bookmarks, saves.
             * @example 3
             */
            saves?: number;
            /**
             * @description Reposts, retweets, boosts, shares.
             * @example 4
             */
            shares?: number;
            /** @example 0 */
            video_views?: number;
        };
        EditPostDto: {
            /**
             * Format: date-time
             * @description ISO 8601, in the future.
             */
            scheduledTime?: string;
            /** @description New body; for a thread, the new first part. Must fit the platform (X: 280 weighted). */
            text?: string;
        };
        ErrorResponseDto: {
            /** @example Not Found */
            error: string;
            /**
             * Format: uuid
             * @description On 5xx answers: the id under which the error is logged.
             */
            errorId?: string;
            /** @example Campaign 5f0c… not found */
            message: string;
            /** @example 404 */
            statusCode: number;
        };
        FieldErrorDto: {
            /**
             * @description Path of the field: `name`, `a.b`, `contentThemes.0`.
             * @example targetPlatforms
             */
            field: string;
            /**
             * @example [
             *       "targetPlatforms should not be empty"
             *     ]
             */
            messages: string[];
        };
        KpiDto: {
            name: string;
            target: string;
        };
        LlmUsageDto: {
            /** @description HTTP attempts, retries included. */
            attempts: number;
            /** @description Model requests: 1, or 2 when the answer needed a repair. */
            calls?: number;
            latencyMs: number;
            /** @example gemini-flash-latest */
            model: string;
            /** @example strategy.plan/1 */
            promptVersion: string;
            /** @example gemini */
            provider: string;
            tokensIn: number;
            tokensOut: number;
        };
        LoginDto: {
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        MetricReadingDto: {
            /**
             * @description Hours since the post was published.
             * @example 6
             */
            ageHours: number;
            /**
             * Format: date-time
             * @description When the reading was taken.
             */
            at: string;
            /** @example 0.0377 */
            engagementRate?: number;
            metrics: components["schemas"]["PostMetricsDto"];
        };
        MetricTotalsDto: {
            /**
             * @description Link clicks.
             * @example 11
             */
            clicks?: number;
            /** @example 7 */
            comments?: number;
            /**
             * @description Engagements per impression (or per reached account) over the posts that report them; absent when none does.
             * @example 0.0418
             */
            engagementRate?: number;
            /**
             * @description likes + comments + shares + saves + clicks.
             * @example 77
             */
            engagements: number;
            /**
             * @description Times the post was shown. Absent when the platform does not report it (never 0 in its place). (Bluesky and Mastodon report none.)
             * @example 1840
             */
            impressions?: number;
            /** @example 52 */
            likes?: number;
            /**
             * @description Published posts counted.
             * @example 3
             */
            posts: number;
            /**
             * @description Accounts that saw it. Absent when the platform does not report it (never 0 in its place).
             * @example 1210
             */
            reach?: number;
            /**
             * @description Bookmarks, saves.
             * @example 3
             */
            saves?: number;
            /**
             * @description Reposts, retweets, boosts, shares.
             * @example 4
             */
            shares?: number;
            /** @example 0 */
            video_views?: number;
        };
        OAuthStartViewDto: {
            /**
             * @description Send the user's browser here.
             * @example https://x.com/i/oauth2/authorize?response_type=code&client_id=…
             */
            authorizeUrl: string;
            /**
             * Format: date-time
             * @description The flow must finish before this instant.
             */
            expiresAt: string;
            /** @description Opaque; the platform sends it back to the callback. */
            state: string;
        };
        OptimizationChangesDto: {
            /** @description Slots that left them. */
            droppedTopSlots: components["schemas"]["WeekSlotDto"][];
            /** @description Findings that appeared, flipped or disappeared. */
            insightChanges: string[];
            /** @description Slots that entered the top recommendations since the previous run. */
            newTopSlots: components["schemas"]["WeekSlotDto"][];
            /** Format: uuid */
            previousRunId?: string;
        };
        PlannedPostDto: {
            /** @description What the post is about, in one sentence. */
            angle: string;
            /** @description Day of the campaign, 0-based. */
            day: number;
            /** @enum {string} */
            format: "single" | "thread" | "image" | "carousel" | "short_video_script";
            pillar: string;
            /** @example x-03 */
            planId: string;
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
        };
        PlatformTotalsDto: {
            /**
             * @description Link clicks.
             * @example 11
             */
            clicks?: number;
            /** @example 7 */
            comments?: number;
            /**
             * @description Engagements per impression (or per reached account) over the posts that report them; absent when none does.
             * @example 0.0418
             */
            engagementRate?: number;
            /**
             * @description likes + comments + shares + saves + clicks.
             * @example 77
             */
            engagements: number;
            /**
             * @description Times the post was shown. Absent when the platform does not report it (never 0 in its place). (Bluesky and Mastodon report none.)
             * @example 1840
             */
            impressions?: number;
            /** @example 52 */
            likes?: number;
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /**
             * @description Published posts counted.
             * @example 3
             */
            posts: number;
            /**
             * @description Accounts that saw it. Absent when the platform does not report it (never 0 in its place).
             * @example 1210
             */
            reach?: number;
            /**
             * @description Bookmarks, saves.
             * @example 3
             */
            saves?: number;
            /**
             * @description Reposts, retweets, boosts, shares.
             * @example 4
             */
            shares?: number;
            /** @example 0 */
            video_views?: number;
        };
        PostAnalyticsDto: {
            /** Format: uuid */
            campaignId: string;
            /** @example 0.0377 */
            engagementRate?: number;
            /** @example 31 */
            engagements: number;
            /**
             * Format: date-time
             * @description When the latest reading was taken.
             */
            measuredAt?: string;
            /** @description The latest reading (empty until the first one). */
            metrics: components["schemas"]["PostMetricsDto"];
            /**
             * Format: date-time
             * @description When the next reading is due, while collection goes on.
             */
            nextCollectionAt?: string;
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /**
             * @description The platform's id of the post.
             * @example 1795566720381857792
             */
            platformPostId?: string;
            /** Format: uuid */
            postId: string;
            /** Format: date-time */
            publishedAt?: string;
            /** @description Readings, oldest first (by default 1 h, 6 h, 24 h, 72 h and 7 days after publication). */
            series: components["schemas"]["MetricReadingDto"][];
            /**
             * @description Failed posts are listed but count in no total.
             * @enum {string}
             */
            status: "published" | "failed";
        };
        PostAnalyticsSummaryDto: {
            /** @example 0.0377 */
            engagementRate?: number;
            /** @example 31 */
            engagements: number;
            /**
             * Format: date-time
             * @description When the latest reading was taken.
             */
            measuredAt?: string;
            /** @description The latest reading (empty until the first one). */
            metrics: components["schemas"]["PostMetricsDto"];
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            /**
             * @description The platform's id of the post.
             * @example 1795566720381857792
             */
            platformPostId?: string;
            /** Format: uuid */
            postId: string;
            /** Format: date-time */
            publishedAt?: string;
            /**
             * @description Failed posts are listed but count in no total.
             * @enum {string}
             */
            status: "published" | "failed";
        };
        PostMetricsDto: {
            /**
             * @description Link clicks.
             * @example 11
             */
            clicks?: number;
            /** @example 7 */
            comments?: number;
            /**
             * @description Times the post was shown. Absent when the platform does not report it (never 0 in its place). (Bluesky and Mastodon report none.)
             * @example 1840
             */
            impressions?: number;
            /** @example 52 */
            likes?: number;
            /**
             * @description Accounts that saw it. Absent when the platform does not report it (never 0 in its place).
             * @example 1210
             */
            reach?: number;
            /**
             * @description Bookmarks, saves.
             * @example 3
             */
            saves?: number;
            /**
             * @description Reposts, retweets, boosts, shares.
             * @example 4
             */
            shares?: number;
            /** @example 0 */
            video_views?: number;
        };
        PostPageDto: {
            items: components["schemas"]["PostViewDto"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            pageSize: number;
            /** @example 42 */
            total: number;
        };
        PostViewDto: {
            /**
             * @description The account it went out on.
             * @example @acme
             */
            accountName: string | null;
            /** @description Publishing attempts, oldest first (GET /posts/{id} only; lists leave it out). */
            attempts?: components["schemas"]["AttemptViewDto"][];
            callToAction: string | null;
            /** Format: uuid */
            campaignId: string;
            /**
             * Format: uuid
             * @description The connected account (GET /platforms) it goes out on, when known.
             */
            connectionId: string | null;
            /** @enum {string} */
            contentType: "single" | "thread" | "image" | "carousel" | "short_video_script";
            /** Format: date-time */
            createdAt: string;
            /** @description How many times the user edited the post. */
            editRevision: number;
            /** @description Why publishing failed (or why it is unconfirmed), in words. */
            error: string | null;
            /**
             * @description Set when `failed`: what the user can do about it.
             *     - `rejected`: the platform refused the content: edit it (also used for failures reported without a code)
             *     - `reconnect_required`: the account's token is no longer valid: reconnect it (POST /platforms/connect or OAuth) and the post resumes by itself
             *     - `no_account`: nothing is connected on that platform: connect an account
             *     - `gave_up`: publishing was retried until the retries ran out: try again later
             *     - `missed`: it was due while the system was down for longer than the grace period: reschedule it
             * @enum {string|null}
             */
            failureCode: "rejected" | "reconnect_required" | "no_account" | "gave_up" | "missed" | null;
            /**
             * @example [
             *       "#Launch",
             *       "#SaaS"
             *     ]
             */
            hashtags: string[];
            /** Format: uuid */
            id: string;
            /** @description Content pillar of the strategy this post serves. */
            pillar: string;
            /** @enum {string} */
            platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            platformPostId: string | null;
            /** Format: date-time */
            publishedAt: string | null;
            /** Format: date-time */
            scheduledTime: string | null;
            /** @description Why the Scheduler chose this time: the account's learned slot model (with expected lift and confidence) or the platform's default slots. */
            slotChoice: components["schemas"]["SlotChoiceDto"] | null;
            /**
             * @description - `draft`: scheduled by the agents; not armed yet (the campaign has not been executed)
             *     - `armed`: will publish at its scheduled time
             *     - `publishing`: posting-svc is publishing it (attempts are listed on GET /posts/{id})
             *     - `published`: live on the platform (`url`, `platformPostId`, `accountName`)
             *     - `failed`: it did not go out: see `failureCode` and `error`
             *     - `cancelled`: the user deleted it before it went out; it never publishes
             *     - `unconfirmed`: the platform may or may not have it and posting-svc could not tell: check the account (`error` says why)
             * @enum {string}
             */
            status: "draft" | "armed" | "publishing" | "published" | "failed" | "cancelled" | "unconfirmed";
            /** @description The post body; for a thread, its first part. */
            text: string;
            /** @description Every part of a thread, in order (threads only). */
            threadParts: string[] | null;
            /** Format: date-time */
            updatedAt: string;
            /**
             * @description The post on the platform, once published.
             * @example https://x.com/acme/status/1864
             */
            url: string | null;
            visual: components["schemas"]["VisualDto"] | null;
        };
        RecommendedSlotDto: {
            /** @example 0.71 */
            confidence: number;
            /**
             * @description Expected engagement relative to the account's average, minus 1 (0.23 = 23% above average).
             * @example 0.23
             */
            expectedLift: number;
            /** @description Hour in the audience time zone. */
            hour: number;
            /** @description Weekday in the audience time zone (0 = Monday). */
            weekday: number;
        };
        RegisterDto: {
            /**
             * @description Stored lowercased; must be unused.
             * @example ada@example.com
             */
            email: string;
            /** @example correct horse battery staple */
            password: string;
        };
        ScheduleRecommendationsDto: {
            /** @description Posts placed at default slots (no model for the account). */
            defaultPosts: number;
            /** @description Learned posts that explored an uncertain slot. */
            exploredPosts: number;
            /** @description Posts placed by a learned model. */
            learnedPosts: number;
            runIds: string[];
        };
        SlotChoiceDto: {
            /**
             * @description 0–1: how much of the estimate comes from the account's own posts.
             * @example 0.71
             */
            confidence?: number;
            /**
             * @description Expected engagement relative to the account's average, minus 1.
             * @example 0.23
             */
            expectedLift?: number;
            /** @description True when Thompson sampling explored a promising but uncertain slot instead of the best-known one. */
            explored?: boolean;
            /** @description Hour in the audience time zone. */
            hour: number;
            /**
             * Format: uuid
             * @description The optimization run whose model was used.
             */
            runId?: string;
            /**
             * @description `learned`: the Optimization agent's model of the account chose the hour; `default`: the platform's default slots (no model yet).
             * @enum {string}
             */
            source: "learned" | "default";
            /** @description Weekday in the audience time zone (0 = Monday). */
            weekday: number;
        };
        SlotEstimateDto: {
            /**
             * @description 0–1: the share of the estimate that comes from the account's own posts rather than the prior.
             * @example 0.64
             */
            confidence: number;
            /**
             * @description Expected engagement relative to the account's average (1 = average).
             * @example 1.18
             */
            mean: number;
            /**
             * @description Uncertainty of the estimate (standard deviation).
             * @example 0.21
             */
            sd: number;
        };
        StageViewDto: {
            error: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @enum {string} */
            stage: "strategy" | "content" | "creative" | "schedule";
            /** Format: date-time */
            startedAt: string | null;
            /** @enum {string} */
            status: "pending" | "succeeded" | "failed";
            usage: components["schemas"]["LlmUsageDto"] | null;
        };
        StrategyDto: {
            audienceInsight: string;
            cadence: components["schemas"]["CadenceDto"][];
            keyMessages: string[];
            kpis: components["schemas"]["KpiDto"][];
            pillars: components["schemas"]["ContentPillarDto"][];
            plan: components["schemas"]["PlannedPostDto"][];
            summary: string;
        };
        StrategyRecommendationsDto: {
            /** @description How many best slots it was given. */
            bestSlots: number;
            /** @description The content findings the Strategy agent was given. */
            contentFindings: string[];
            runIds: string[];
        };
        UsageTotalDto: {
            /** @description Time spent waiting for models, summed over stages. */
            latencyMs: number;
            /** @description Model requests made for this campaign, over all stages. */
            modelCalls: number;
            tokensIn: number;
            tokensOut: number;
        };
        UserDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example ada@example.com */
            email: string;
            /** Format: uuid */
            id: string;
        };
        ValidationErrorResponseDto: {
            /** @example Bad Request */
            error: string;
            errors: components["schemas"]["FieldErrorDto"][];
            /** @example Validation failed */
            message: string;
            /** @example 400 */
            statusCode: number;
        };
        VisualDto: {
            /** @description Accessible description of the image. */
            altText: string;
            /** @description What the image shows and why. */
            concept: string;
            /** @description Prompt for the image generator. */
            imagePrompt: string;
            /** @description The generated image (GET, same bearer token), when an image model is configured. */
            imageUrl: string | null;
        };
        WeekSlotDto: {
            /** @description Hour in the audience time zone. */
            hour: number;
            /** @description Weekday in the audience time zone (0 = Monday). */
            weekday: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AnalyticsController_campaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of your campaigns. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignAnalyticsDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on answered unexpectedly. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AnalyticsController_exportCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of your campaigns. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The CSV (a header row, then the readings). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on answered unexpectedly. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AnalyticsController_optimize: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of your campaigns. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignOptimizationDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on answered unexpectedly. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AnalyticsController_post: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description One of your posts. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostAnalyticsDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on answered unexpectedly. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessTokenDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    AuthController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CampaignsController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPageDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CampaignsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignViewDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CampaignsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignViewDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    CampaignsController_execute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignViewDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    LiveController_stream: {
        parameters: {
            query?: {
                /** @description Only this campaign’s changes (it must be yours). */
                campaignId?: string;
                /** @description Replay the changes after this instant first (as `Last-Event-ID` does on a reconnect). */
                since?: string;
            };
            header: {
                "last-event-id": string;
                /** @description Resume after this event id (sent by EventSource on reconnect). */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    MediaController_get: {
        parameters: {
            query: {
                /** @description Unix time (seconds) after which the URL is refused. */
                expires: unknown;
                /** @description HMAC-SHA256 of `{imageId}.{expires}` with MEDIA_SIGNING_KEY, base64url. */
                signature: unknown;
            };
            header?: never;
            path: {
                imageId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The signature is invalid or has expired. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorResponseDto"];
                    "image/png": components["schemas"]["ErrorResponseDto"];
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorResponseDto"];
                    "image/png": components["schemas"]["ErrorResponseDto"];
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on answered unexpectedly. */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorResponseDto"];
                    "image/png": components["schemas"]["ErrorResponseDto"];
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorResponseDto"];
                    "image/png": components["schemas"]["ErrorResponseDto"];
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PlatformsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionViewDto"][];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PlatformsController_disconnect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Disconnected. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PlatformsController_connect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConnectPlatformDto"];
            };
        };
        responses: {
            /** @description Your existing connection of this account was updated (reconnected). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionViewDto"];
                };
            };
            /** @description Connected. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionViewDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PlatformsController_callback: {
        parameters: {
            query?: {
                code?: unknown;
                /** @description Sent by the platform instead of a code, e.g. `access_denied`. */
                error?: unknown;
                error_description?: unknown;
                state?: unknown;
            };
            header?: never;
            path: {
                platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Connected (when OAUTH_RESULT_URL is not configured). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConnectionViewDto"];
                };
            };
            /** @description Redirect to OAUTH_RESULT_URL (when configured). */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PlatformsController_start: {
        parameters: {
            query?: {
                /** @description Mastodon: the instance to connect to. */
                serverUrl?: string;
                /** @description IANA time zone of the account's audience. */
                timeZone?: string;
            };
            header?: never;
            path: {
                platform: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthStartViewDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_list: {
        parameters: {
            query?: {
                campaignId?: string;
                page?: number;
                pageSize?: number;
                platform?: "x" | "instagram" | "facebook" | "linkedin" | "bluesky" | "mastodon";
                status?: "draft" | "armed" | "publishing" | "published" | "failed" | "cancelled" | "unconfirmed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostPageDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePostDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedPostsDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A service the gateway depends on is unavailable; try again shortly. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostViewDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_cancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled (or already cancelled). */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_edit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EditPostDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostViewDto"];
                };
            };
            /** @description Validation failed (field errors listed). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ValidationErrorResponseDto"];
                };
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The resource is not in a state that allows this. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    PostsController_image: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image bytes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Missing, invalid or expired bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Not found (or not yours). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["ErrorResponseDto"];
                    "image/png": components["schemas"]["ErrorResponseDto"];
                    "image/webp": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: every check passed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not ready: the body says which check failed (database, broker, consumers, accepting). */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}

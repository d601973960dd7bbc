/** /recherche: practitioners near the place, nearest first, with filters kept in the URL (shareable, Back works). */
import { ApiError, search, searchParamNames, type SearchParams, type SearchResponse } from '../api.ts';
import { Filters } from '../components/Filters.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { ResultCard } from '../components/ResultCard.tsx';
import { SearchForm } from '../components/SearchForm.tsx';
import { ReplacementLegend } from '../components/SlotButton.tsx';
import { reasonLabelOf, rememberReasonLabel } from '../components/reasonLabels.ts';
import { useLoad, usePageTitle, type Loaded } from '../hooks.ts';
import { useI18n } from '../i18n.tsx';
import { navigate, pathWithQuery } from '../router.tsx';

/** The search parameters present in the page URL. */
function readParams(query: URLSearchParams): SearchParams {
  const params: SearchParams = {};
  for (const name of searchParamNames) {
    const value = query.get(name)?.trim();
    if (value) params[name] = value.slice(0, 100);
  }
  return params;
}

export function ResultsPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const params = readParams(query);
  const loaded = useLoad(JSON.stringify(params) + lang, (signal) => search(params, lang, signal));
  const data = loaded.state === 'done' ? loaded.data : null;

  const whatLabel = data?.query.specialty?.label ?? params.what ?? '';
  const place = data?.query.place;
  // A picked commune (`place`) is named once the API answers; typed text (`where`) shows as typed meanwhile.
  const placeLabel = place ? `${place.name} (${place.postalCode})` : params.where ?? '';
  const heading = resultsHeading(t, whatLabel, place?.name ?? placeLabel);
  usePageTitle(heading);

  const go = (patch: SearchParams) => navigate(pathWithQuery('/recherche', { ...params, ...patch, page: patch.page }));
  const { page: _page, ...filters } = params;

  return (
    <div className="results-page">
      <div className="results-search">
        <h1 tabIndex={-1}>{heading}</h1>
        <SearchForm
          // URL parameters only: the response (label, language) must not remount it and drop what the user types.
          key={`${params.what}|${params.specialty}|${params.reason}|${params.place}|${params.where}`}
          compact
          filters={filters}
          initial={{
            what: params.what ?? '', specialty: params.specialty, reason: params.reason,
            whereText: placeLabel, whereCode: place?.code ?? params.place,
          }}
        />
      </div>
      <div className="results-layout">
        <Filters
          params={params}
          onChange={go}
          reasonLabel={reasonLabelOf(params.reason)}
          onReasonPicked={rememberReasonLabel}
        />
        <div className="results-main">
          <p className="results-count" role="status">{countText(t, loaded)}</p>
          <ResultsBody loaded={loaded} params={params} />
          {data ? (
            <Pagination page={data.page} pageCount={data.pageCount}
              hrefOf={(page) => pathWithQuery('/recherche', { ...params, page: page > 1 ? String(page) : undefined })} />
          ) : null}
        </div>
      </div>
    </div>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function resultsHeading(t: Translate, what: string, where: string): string {
  if (what && where) return t('web.results.heading.what_where', { what, where });
  if (what) return t('web.results.heading.what', { what });
  if (where) return t('web.results.heading.where', { where });
  return t('web.results.heading');
}

/** What the live region announces: searching, or how many practitioners were found. */
function countText(t: Translate, loaded: Loaded<SearchResponse>): string {
  if (loaded.state === 'loading') return t('web.results.loading');
  if (loaded.state === 'error') return '';
  const { total } = loaded.data;
  if (total === 0) return t('web.results.count.zero');
  return total === 1 ? t('web.results.count.one') : t('web.results.count.many', { count: total });
}

function ResultsBody({ loaded, params }: { loaded: Loaded<SearchResponse>; params: SearchParams }) {
  const { t } = useI18n();
  if (loaded.state === 'loading') return null;
  if (loaded.state === 'error') {
    const message = loaded.error instanceof ApiError ? loaded.error.message : t('web.error.network');
    return <p className="error-message" role="alert">{message}</p>;
  }
  const { data } = loaded;
  if (data.query.unresolved === 'place') {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{t('web.results.unresolved_place', { where: params.where ?? params.place ?? '' })}</p>
        <p>{t('web.results.unresolved_place.hint')}</p>
      </div>
    );
  }
  if (data.query.unresolved === 'what') {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{t('web.results.unresolved_what', { what: params.what ?? '' })}</p>
        <p>{t('web.results.unresolved_what.hint')}</p>
      </div>
    );
  }
  if (!data.results.length) {
    return (
      <div className="empty-state">
        <p className="empty-state-title">{t('web.results.empty')}</p>
        <p>{t('web.results.empty.hint')}</p>
      </div>
    );
  }
  return (
    <>
      {data.query.place && data.query.radiusKm ? (
        <p className="results-radius">{t('web.results.radius', { radius: data.query.radiusKm, place: data.query.place.name })}</p>
      ) : null}
      {data.results.some((result) => result.nextSlots.some((slot) => slot.replacement)) ? <ReplacementLegend /> : null}
      <ol className="results-list">
        {data.results.map((result) => (
          <li key={`${result.practitionerId}-${result.place.id}`}><ResultCard result={result} /></li>
        ))}
      </ol>
    </>
  );
}

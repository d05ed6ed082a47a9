! heat2d: an explicit 2D heat-equation solver that logs its residual every timestep to Provscope.
!
! Usage: heat2d <rank> [nsteps] [n]      (PROVSCOPE_URL, PROVSCOPE_TOKEN, PROVSCOPE_EXECUTION set)
!
! Each rank solves one member of an ensemble (its own diffusivity) on an n x n plate heated along
! one edge. Without MPI at hand, ranks are separate processes started with the same
! PROVSCOPE_EXECUTION; in an MPI code `rank` comes from MPI_Comm_rank and rank 0 broadcasts the
! execution id. Every rank logs the series "residual" under its own rank and its final field as
! an output dataset; rank 0 also logs the final residual as an execution metric.
program heat2d
  use provscope
  implicit none
  integer :: rank, nsteps, n, step, ierr, rc
  real(8), allocatable :: u(:, :), unew(:, :)
  real(8) :: r, res
  character(len=256) :: arg, pipeline, path

  call get_command_argument(1, arg)
  if (len_trim(arg) == 0) then
    write (0, '(a)') 'usage: heat2d <rank> [nsteps] [n]'
    error stop 1
  end if
  read (arg, *) rank
  nsteps = int_arg(2, 500)
  n = int_arg(3, 64)
  call get_environment_variable('PROVSCOPE_PIPELINE', pipeline)
  if (len_trim(pipeline) == 0) pipeline = 'heat2d-demo'

  ! "" = from the environment: PROVSCOPE_URL, PROVSCOPE_TOKEN, PROVSCOPE_EXECUTION.
  call pv_init('', '', pipeline, 'simulate', '', rank, ierr)
  if (ierr /= PV_OK) then
    write (0, '(a,i0,2a)') 'heat2d: pv_init failed (', ierr, '): ', pv_strerror(ierr)
    error stop 2
  end if

  allocate (u(0:n + 1, 0:n + 1), unew(0:n + 1, 0:n + 1))
  u = 0d0
  u(:, n + 1) = 1d0 ! the heated edge
  unew = u
  r = 0.10d0 + 0.04d0*mod(rank, 4) ! diffusivity * dt / h**2 <= 0.25: stable

  do step = 1, nsteps
    unew(1:n, 1:n) = u(1:n, 1:n) + r*(u(2:n + 1, 1:n) + u(0:n - 1, 1:n) + u(1:n, 2:n + 1) + u(1:n, 0:n - 1) &
                                      - 4d0*u(1:n, 1:n))
    res = maxval(abs(unew(1:n, 1:n) - u(1:n, 1:n)))
    u(1:n, 1:n) = unew(1:n, 1:n)
    call pv_log_metric('residual', step, res)
  end do

  write (path, '(a,i0,a)') 'heat2d-field-r', rank, '.bin'
  open (newunit=rc, file=trim(path), access='stream', form='unformatted', status='replace')
  write (rc) u
  close (rc)
  write (arg, '(a,i0)') 'heat2d-field-r', rank
  call pv_log_artifact_file('output', 'dataset', trim(arg), trim(path))
  if (rank == 0) call pv_log_final_metric('final_residual', res)

  call pv_finalize(0, ierr)
  write (*, '(a,i0,a,i0,a,es25.17)') 'rank ', rank, ' steps ', nsteps, ' final_residual ', res
  if (ierr /= PV_OK) then
    write (0, '(a,i0,2a)') 'heat2d: pv_finalize failed (', ierr, '): ', pv_strerror(ierr)
    error stop 3
  end if

contains

  integer function int_arg(i, fallback)
    integer, intent(in) :: i, fallback
    character(len=32) :: a
    call get_command_argument(i, a)
    int_arg = fallback
    if (len_trim(a) > 0) read (a, *) int_arg
  end function

end program heat2d
